#pragma once
// The stable codes of the reader's diagnostics (docs/diagnostics.md describes each one).
#include <string_view>

namespace gongkai::report::parse::codes {

constexpr std::string_view kNotText = "P001";        ///< error: empty, binary or undecodable
constexpr std::string_view kNotReport = "P002";      ///< warning: no title, sections or tables
constexpr std::string_view kDecoded = "P003";        ///< info: decoded from GB18030 / UTF-16
constexpr std::string_view kFrontMatter = "P004";    ///< warning: front matter unreadable
constexpr std::string_view kTitle = "P005";          ///< warning: no title, agency or year
constexpr std::string_view kSection = "P006";        ///< warning: a section heading not found
constexpr std::string_view kFormat = "P007";         ///< warning: format not told by table P
constexpr std::string_view kTable = "P008";          ///< warning: a table not found
constexpr std::string_view kRowLabel = "P009";       ///< warning: a row label not found
constexpr std::string_view kRowValues = "P010";      ///< warning: a row's numbers not assignable
constexpr std::string_view kEmptyCell = "P011";      ///< warning: cells printed empty
constexpr std::string_view kBadValue = "P012";       ///< warning: a value of the wrong kind
constexpr std::string_view kOneRow = "P013";         ///< info: （六） printed as one row
constexpr std::string_view kNoProcurement = "P014";  ///< info: no （九） block
constexpr std::string_view kUnit = "P015";           ///< warning: procurement unit not stated
constexpr std::string_view kNoSignature = "P016";    ///< info: no signature date
constexpr std::string_view kBadDate = "P017";        ///< warning: a date that is no date
constexpr std::string_view kYearConflict = "P018";   ///< warning: front matter vs title year
constexpr std::string_view kSplitRun = "P019";  ///< info: digits run together, split by an identity
constexpr std::string_view kValueBlock = "P020";  ///< info: a table's numbers as one block
constexpr std::string_view kInternal = "P099";    ///< error: the reader itself failed

}  // namespace gongkai::report::parse::codes
