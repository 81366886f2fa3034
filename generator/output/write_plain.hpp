#pragma once
// Temporary, until output::publish lands: writes the files under a folder, replacing what is
// there, without staging. Delete together with write_plain.cpp.
#include <string>
#include <vector>

#include "output/output_file.hpp"

namespace gongkai::output {

/// Writes every file below `dir` (creating folders); files of an earlier build that this one does
/// not write are removed. Throws std::runtime_error when a file cannot be written.
void write_plain(const std::string& dir, const std::vector<OutputFile>& files);

}  // namespace gongkai::output
