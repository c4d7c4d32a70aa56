#pragma once
#include <string>
#include <vector>

namespace tuoyu::opendata {

/// One CSV record as RFC 4180 writes it: cells joined by commas, a cell quoted (quotes doubled) when
/// it holds a comma, quote, CR or LF, or starts or ends with a space, and the record ended by CRLF.
std::string csv_record(const std::vector<std::string>& cells);

/// A whole CSV text: the header record, then one record per row.
std::string csv_text(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);

/// The UTF-8 byte order mark that tells Excel a CSV is UTF-8.
inline constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace tuoyu::opendata
