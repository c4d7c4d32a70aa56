#include "load/csv_reader.h"

#include <algorithm>

#include "core/text.h"

namespace tuoyu::load {
namespace {

using core::Localized;

/// Longest cell (in code points) that a hint rewrites as a corrected example.
constexpr std::size_t max_example_code_points = 40;

bool ends_cell(char c) { return c == ',' || c == '\r' || c == '\n'; }

/// 1 for a byte that starts a code point, 0 for a UTF-8 continuation byte.
int starts_code_point(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0; }

/// `raw` written as one quoted CSV cell: wrapped in quotes, inner quotes doubled.
std::string quoted_cell(std::string_view raw) {
  std::string out = "\"";
  for (const char c : raw) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

/// True when every cell is empty or white space.
bool is_blank(const CsvRow& row) {
  return std::all_of(row.cells.begin(), row.cells.end(),
                     [](const CsvCell& cell) { return core::trim(cell.text).empty(); });
}

/// One pass over the text, tracking line and column (in code points) of the current byte.
class Parser {
 public:
  Parser(std::string_view text, const std::string& path, core::Diagnostics& diagnostics)
      : text_(text), path_(path), diagnostics_(diagnostics) {}

  CsvTable run() {
    CsvTable table;
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    std::size_t width = 0;
    while (pos_ < text_.size()) {
      CsvRow row;
      row.line = line_;
      row.cells.reserve(width);
      if (!read_row(row)) return table;
      width = std::max(width, row.cells.size());
      if (!is_blank(row)) table.rows.push_back(std::move(row));
    }
    return table;
  }

 private:
  /// Reads the cells of one row and its line end; false when a quote is never closed.
  bool read_row(CsvRow& row) {
    for (;;) {
      CsvCell& cell = row.cells.emplace_back();
      cell.line = line_;
      cell.column = column_;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        if (!read_quoted(cell)) return false;
      } else {
        const std::size_t start = pos_;
        skip_plain();
        cell.text.assign(text_.substr(start, pos_ - start));
      }
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        ++column_;
        continue;
      }
      break;
    }
    skip_line_end();
    return true;
  }

  /// Advances over unquoted text up to a comma, a line end or the end; bare quotes are ordinary
  /// text.
  void skip_plain() {
    while (pos_ < text_.size() && !ends_cell(text_[pos_])) {
      column_ += starts_code_point(text_[pos_]);
      ++pos_;
    }
  }

  /// Advances over one CRLF, LF or CR, if there is one.
  void skip_line_end() {
    if (pos_ >= text_.size()) return;
    if (text_[pos_] == '\r') {
      ++pos_;
      if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    } else if (text_[pos_] == '\n') {
      ++pos_;
    } else {
      return;
    }
    ++line_;
    column_ = 1;
  }

  /// Reads a quoted cell starting at the opening quote; false (reported) when the quote is never
  /// closed.
  bool read_quoted(CsvCell& cell) {
    const std::size_t open = pos_;
    ++pos_;
    ++column_;
    std::size_t segment = pos_;
    for (;;) {
      if (pos_ >= text_.size()) {
        report_unclosed(cell, text_.substr(open + 1));
        return false;
      }
      const char c = text_[pos_];
      if (c == '"') {
        cell.text.append(text_.substr(segment, pos_ - segment));
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          cell.text += '"';
          pos_ += 2;
          column_ += 2;
          segment = pos_;
          continue;
        }
        ++pos_;
        ++column_;
        break;
      }
      if (c == '\r' || c == '\n') {
        skip_line_end();
      } else {
        column_ += starts_code_point(c);
        ++pos_;
      }
    }
    if (pos_ < text_.size() && !ends_cell(text_[pos_])) read_text_after_quote(cell, open);
    return true;
  }

  /// Keeps text after a closing quote (`"abc"x` reads as abcx, as Excel does) and reports it.
  void read_text_after_quote(CsvCell& cell, std::size_t open) {
    const core::SourceLocation where{path_, line_, column_};
    const std::size_t start = pos_;
    skip_plain();
    const std::string_view trailing = text_.substr(start, pos_ - start);
    cell.text.append(trailing);
    const std::string_view raw = text_.substr(open, pos_ - open);
    const bool show_example = raw.find_first_of("\r\n") == std::string_view::npos &&
                              core::count_code_points(raw) <= max_example_code_points;
    diagnostics_.error(
        where,
        core::substitute(
            Localized{"闭合引号后面还有文字 {0}：带引号的单元格在闭合引号之后只能是逗号或换行",
                      "text {0} follows the closing quote; a quoted cell may only be followed by a "
                      "comma or a line end"},
            {core::quote_for_message(trailing, 30)}),
        show_example
            ? core::substitute(
                  Localized{
                      "如果单元格中本来就有引号，请把整个单元格放在引号里，并把其中的引号写成两个："
                      "{0}",
                      "if the cell really contains quotes, put the whole cell in quotes and double "
                      "the inner ones: {0}"},
                  {quoted_cell(raw)})
            : Localized{"如果单元格中本来就有引号，请把整个单元格放在引号里，并把其中的引号写成两个"
                        "（\"\"）",
                        "if the cell really contains quotes, put the whole cell in quotes and "
                        "double the inner ones "
                        "(\"\")"});
  }

  /// Reports a quote that is never closed; `rest` is everything after it.
  void report_unclosed(const CsvCell& cell, std::string_view rest) {
    diagnostics_.error(
        {path_, cell.line, cell.column},
        core::substitute(
            Localized{
                "此处的引号一直没有闭合，因此从这里到文件末尾的内容都没有读取；这个单元格以 {0} "
                "开头",
                "this quote is never closed, so the rest of the file from here was not read; the "
                "cell begins {0}"},
            {core::quote_for_message(rest, 30)}),
        {"单元格中的引号要写成两个（\"\"）；请检查这一行是否多了或少了一个引号",
         "a quote inside a cell must be doubled (\"\"); check this line for a missing or extra "
         "quote"});
  }

  std::string_view text_;
  const std::string& path_;
  core::Diagnostics& diagnostics_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

}  // namespace

CsvTable parse_csv(std::string_view utf8, const std::string& path, core::Diagnostics& diagnostics) {
  return Parser(utf8, path, diagnostics).run();
}

}  // namespace tuoyu::load
