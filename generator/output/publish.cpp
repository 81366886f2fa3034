#include "output/publish.hpp"

#include "core/parallel.hpp"
#include "output/output_plan.hpp"
#include "output/publisher.hpp"

namespace gongkai::output {

PublishStats publish(const std::string& out_dir, const std::vector<OutputFile>& files,
                     const PublishOptions& options) {
  // Every path is checked (and conflicts found) before anything touches the disk.
  const OutputPlan plan = plan_output(files);
  Publisher publisher(out_dir, options);
  core::parallel_for(
      plan.files.size(), options.jobs ? options.jobs : kDefaultIoJobs,
      [&](size_t i) { publisher.add(plan.files[i]->path, plan.files[i]->bytes); }, 16);
  return publisher.commit();
}

}  // namespace gongkai::output
