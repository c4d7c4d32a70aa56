#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.h"

namespace tuoyu::load {

/// The text encodings a register file may use; `automatic` lets `decode_text` decide.
enum class Encoding { automatic, utf8, gb18030 };

/// Reads "auto", "utf-8", "utf8", "gb18030", "gbk", "gb2312", "cp936" (case-insensitive); nothing
/// for others.
std::optional<Encoding> parse_encoding_name(std::string_view name);

/// The canonical name of an encoding: "auto", "UTF-8", "GB18030".
std::string_view encoding_name(Encoding encoding);

/// A file's text in UTF-8, with the encoding it was read in and whether it began with a UTF-8 BOM.
struct DecodedText {
  std::string utf8;
  Encoding detected = Encoding::utf8;
  bool had_bom = false;
};

/// Converts file bytes to UTF-8 (BOM removed). `declared` automatic: a UTF-8 BOM or valid UTF-8
/// means UTF-8, otherwise GB18030 is tried (GBK and GB2312 are subsets). Invalid byte sequences,
/// NUL bytes, UTF-16 and Excel workbooks are errors naming line and column; returns nothing when
/// the text cannot be decoded.
std::optional<DecodedText> decode_text(std::string_view bytes, Encoding declared,
                                       const std::string& path, core::Diagnostics& diagnostics);

}  // namespace tuoyu::load
