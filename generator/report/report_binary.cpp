#include "report/report_binary.hpp"

#include <limits>
#include <type_traits>

#include "core/hash.hpp"

namespace gongkai::report {

namespace {

constexpr std::string_view kMagic = "GKRB";

/// hash64 of every cell id in catalogue order, computed once.
uint64_t catalogue_fingerprint() {
  static const uint64_t fingerprint = [] {
    std::string ids;
    for (size_t i = 0; i < cell_count(); ++i) {
      ids += cell_def(static_cast<CellIndex>(i)).id;
      ids += '\n';
    }
    return core::hash64(ids);
  }();
  return fingerprint;
}

void put_fixed64(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

uint64_t get_fixed64(std::string_view in) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= uint64_t(static_cast<unsigned char>(in[i])) << (8 * i);
  return v;
}

class Writer {
 public:
  std::string out;

  void u8(uint8_t v) { out += static_cast<char>(v); }
  void varint(uint64_t v) {
    while (v >= 0x80) {
      out += static_cast<char>((v & 0x7f) | 0x80);
      v >>= 7;
    }
    out += static_cast<char>(v);
  }
  void zigzag(int64_t v) {
    varint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
  }
  void str(std::string_view s) {
    varint(s.size());
    out += s;
  }
  void date(const Date& d) {
    zigzag(d.year);
    zigzag(d.month);
    zigzag(d.day);
  }
  template <class T>
  void field(const Field<T>& f) {
    u8(f.value.has_value());
    varint(f.line);
    if (!f.value) return;
    if constexpr (std::is_same_v<T, std::string>) {
      str(*f.value);
    } else if constexpr (std::is_same_v<T, int>) {
      zigzag(*f.value);
    } else {
      date(*f.value);
    }
  }
};

/// Reads what Writer wrote; the first failure sticks (ok() false) and every later read yields 0s.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == in_.size(); }
  size_t left() const { return in_.size() - pos_; }
  bool fail() { return ok_ = false; }

  uint8_t u8() {
    if (!ok_ || pos_ >= in_.size()) return fail(), 0;
    return static_cast<uint8_t>(in_[pos_++]);
  }
  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      uint8_t b = u8();
      if (!ok_) return 0;
      if (shift == 63 && b > 1) return fail(), 0;  // more than 64 bits
      v |= uint64_t(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    return fail(), 0;
  }
  int64_t zigzag() {
    uint64_t v = varint();
    return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
  }
  uint32_t u32() {
    uint64_t v = varint();
    if (v > std::numeric_limits<uint32_t>::max()) return fail(), 0;
    return static_cast<uint32_t>(v);
  }
  int i32() {
    int64_t v = zigzag();
    if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) {
      return fail(), 0;
    }
    return static_cast<int>(v);
  }
  /// An enum stored as one byte, at most `max`.
  template <class E>
  E enumeration(E max) {
    uint8_t v = u8();
    if (v > static_cast<uint8_t>(max)) return fail(), E{};
    return static_cast<E>(v);
  }
  bool flag() {
    uint8_t v = u8();
    if (v > 1) return fail(), false;
    return v == 1;
  }
  /// A count of things that each take at least one byte: never more than what is left.
  size_t count() {
    uint64_t n = varint();
    if (n > left()) return fail(), 0;
    return static_cast<size_t>(n);
  }
  std::string str() {
    size_t n = count();
    if (!ok_) return {};
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  Date date() {
    Date d;
    d.year = i32();
    d.month = i32();
    d.day = i32();
    return d;
  }
  template <class T>
  void field(Field<T>& f) {
    bool has = flag();
    f.line = u32();
    if (!has || !ok_) return;
    if constexpr (std::is_same_v<T, std::string>) {
      f.value = str();
    } else if constexpr (std::is_same_v<T, int>) {
      f.value = i32();
    } else {
      f.value = date();
    }
  }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

// Cell flags: the status in bits 0-1, bit 2 set when a value follows.
constexpr uint8_t kCellHasValue = 4;

void write_meta(Writer& w, const Meta& m) {
  w.field(m.title);
  w.field(m.agency);
  w.field(m.year);
  w.field(m.period_start);
  w.field(m.period_end);
  w.field(m.signed_on);
  for (auto* f : {&m.contact.address, &m.contact.postcode, &m.contact.phone, &m.contact.email,
                  &m.contact.website}) {
    w.field(*f);
  }
  w.varint(m.region.size());
  for (const auto& r : m.region) w.str(r);
  w.str(m.kind);
  w.str(m.level);
}

void read_meta(Reader& r, Meta& m) {
  r.field(m.title);
  r.field(m.agency);
  r.field(m.year);
  r.field(m.period_start);
  r.field(m.period_end);
  r.field(m.signed_on);
  for (auto* f : {&m.contact.address, &m.contact.postcode, &m.contact.phone, &m.contact.email,
                  &m.contact.website}) {
    r.field(*f);
  }
  m.region.resize(r.count());
  for (auto& region : m.region) region = r.str();
  m.kind = r.str();
  m.level = r.str();
}

void write_sections(Writer& w, const std::vector<Section>& sections) {
  w.varint(sections.size());
  for (const auto& s : sections) {
    w.u8(static_cast<uint8_t>(s.key));
    w.str(s.heading);
    w.varint(s.line);
    w.varint(s.blocks.size());
    for (const auto& b : s.blocks) {
      w.u8(static_cast<uint8_t>(b.kind));
      w.str(b.heading);
      w.str(b.text);
      w.varint(b.line);
    }
  }
}

void read_sections(Reader& r, std::vector<Section>& sections) {
  sections.resize(r.count());
  for (auto& s : sections) {
    s.key = r.enumeration(SectionKey::Other);
    s.heading = r.str();
    s.line = r.u32();
    s.blocks.resize(r.count());
    for (auto& b : s.blocks) {
      b.kind = r.enumeration(Block::Kind::HeadedParagraph);
      b.heading = r.str();
      b.text = r.str();
      b.line = r.u32();
    }
    if (!r.ok()) return;
  }
}

bool is_default(const Cell& c) {
  return c.status == CellStatus::Absent && c.line == 0 && !c.value;
}

void write_cells(Writer& w, const std::vector<Cell>& cells) {
  w.varint(cells.size());
  size_t stored = 0;
  for (const auto& c : cells) stored += !is_default(c);
  w.varint(stored);
  size_t next = 0;  // the index a gap of 0 stands for
  for (size_t i = 0; i < cells.size(); ++i) {
    const Cell& c = cells[i];
    if (is_default(c)) continue;
    w.varint(i - next);
    next = i + 1;
    w.u8(static_cast<uint8_t>(c.status) | (c.value ? kCellHasValue : 0));
    w.varint(c.line);
    if (c.value) {
      w.zigzag(c.value->units);
      w.u8(c.value->scale);
    }
  }
}

void read_cells(Reader& r, std::vector<Cell>& cells) {
  uint64_t total = r.varint();
  if (total != cells.size()) return void(r.fail());  // another catalogue
  size_t stored = r.count();
  size_t next = 0;
  for (size_t k = 0; k < stored && r.ok(); ++k) {
    uint64_t gap = r.varint();
    if (gap >= cells.size() - next) return void(r.fail());
    Cell& c = cells[next + gap];
    next += gap + 1;
    uint8_t flags = r.u8();
    if (flags > (kCellHasValue | static_cast<uint8_t>(CellStatus::Read)) ||
        (flags & 3) > static_cast<uint8_t>(CellStatus::Read)) {
      return void(r.fail());
    }
    c.status = static_cast<CellStatus>(flags & 3);
    c.line = r.u32();
    if (flags & kCellHasValue) {
      Number n;
      n.units = r.zigzag();
      n.scale = r.u8();
      c.value = n;
    }
    if (is_default(c)) return void(r.fail());  // never written: a forged entry
  }
}

void write_diagnostics(Writer& w, const std::vector<core::Diagnostic>& diagnostics) {
  w.varint(diagnostics.size());
  for (const auto& d : diagnostics) {
    w.u8(static_cast<uint8_t>(d.severity));
    w.str(d.code);
    w.str(d.message);
    w.str(d.message_zh);
    w.str(d.file);
    w.varint(d.line);
    w.varint(d.column);
  }
}

void read_diagnostics(Reader& r, std::vector<core::Diagnostic>& diagnostics) {
  diagnostics.resize(r.count());
  for (auto& d : diagnostics) {
    d.severity = r.enumeration(core::Severity::Info);
    d.code = r.str();
    d.message = r.str();
    d.message_zh = r.str();
    d.file = r.str();
    d.line = r.u32();
    d.column = r.u32();
    if (!r.ok()) return;
  }
}

}  // namespace

std::string encode(const Report& report) {
  Writer w;
  w.out.reserve(4096);
  w.out += kMagic;
  w.varint(kReportBinaryVersion);
  put_fixed64(w.out, catalogue_fingerprint());
  w.str(report.path);
  w.u8(static_cast<uint8_t>(report.shape));
  w.u8(static_cast<uint8_t>(report.format));
  w.u8(static_cast<uint8_t>(report.layout));
  w.u8(static_cast<uint8_t>((report.shape_known ? 1 : 0) | (report.format_known ? 2 : 0)));
  write_meta(w, report.meta);
  write_sections(w, report.sections);
  write_cells(w, report.cells);
  w.field(report.procurement_unit);
  write_diagnostics(w, report.diagnostics);
  put_fixed64(w.out, core::hash64(w.out));
  return std::move(w.out);
}

std::optional<Report> decode(std::string_view bytes) {
  if (bytes.size() < kMagic.size() + 1 + 8 + 8) return std::nullopt;
  std::string_view body = bytes.substr(0, bytes.size() - 8);
  if (core::hash64(body) != get_fixed64(bytes.substr(bytes.size() - 8))) return std::nullopt;
  if (body.substr(0, kMagic.size()) != kMagic) return std::nullopt;
  Reader r(body.substr(kMagic.size()));
  if (r.varint() != kReportBinaryVersion || r.left() < 8) return std::nullopt;
  std::string fingerprint;
  for (int i = 0; i < 8; ++i) fingerprint += static_cast<char>(r.u8());
  if (get_fixed64(fingerprint) != catalogue_fingerprint()) return std::nullopt;

  Report report;
  report.path = r.str();
  report.shape = r.enumeration(Shape::HtmlText);
  report.format = r.enumeration(Format::F2021);
  report.layout = r.enumeration(Layout::L2021One);
  uint8_t known = r.u8();
  report.shape_known = (known & 1) != 0;
  report.format_known = (known & 2) != 0;
  read_meta(r, report.meta);
  read_sections(r, report.sections);
  read_cells(r, report.cells);
  r.field(report.procurement_unit);
  read_diagnostics(r, report.diagnostics);
  if (!r.ok() || !r.at_end()) return std::nullopt;
  return report;
}

}  // namespace gongkai::report
