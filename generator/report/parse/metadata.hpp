#pragma once
// Metadata printed outside the tables: the signature date (落款), the statistics period and the
// contact details (address, postcode, phone, e-mail, website).
#include <string_view>

#include "report/parse/document.hpp"

namespace gongkai::report::parse {

/// Finds the signature block after the last section (a date on a line of its own, usually after
/// the agency's name) and, in docx_text, the chart data trailing after 六; sets doc.prose_end,
/// doc.signature_begin and report.meta.signed_on.
void read_signature(Document& doc, Report& report);

/// Reads the statistics period and the contact details: from the preamble, then (contact only)
/// from the rest of the prose when the preamble does not name them.
void read_period_and_contact(const Document& doc, Report& report);

/// Exposed for testing: the period ("自2023年1月1日至2023年12月31日", "2025年1月1日至12月31日")
/// and the contact fields found in one run of text.
void find_period(const text::TextRun& run, Report& report, bool anywhere);
void find_contact(const text::TextRun& run, Contact& contact, bool preamble);

}  // namespace gongkai::report::parse
