#include "render/bar_chart.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

namespace tuoyu::render {
namespace {

// Layout in viewBox units; the SVG scales to its container's width.
constexpr double kWidth = 480;       // viewBox width: text stays ~10 px on a 375-px phone
constexpr std::string_view kMaxWidth = "36rem";  // widest drawing: 1.2 × the viewBox, so text stays ~18 px on a desktop
constexpr double kPad = 8;           // outer margin
constexpr double kFont = 15;         // labels and values
constexpr double kSmallFont = 13;    // target label and legend
constexpr double kRow = 28;          // height of one bar's row
constexpr double kBar = 18;          // height of a bar
constexpr double kGap = 6;           // space between a bar and its texts
constexpr double kHeader = 22;       // room above the rows for the target label
constexpr double kLegend = 28;       // room below the rows for the legend

// Colours. Contrast against white (WCAG 2.1 relative luminance):
//   text #1a1a1a 17.4:1, no-data text #555555 7.5:1 (both ≥ 4.5:1 for text);
//   met / no-target bars #2166ac 5.9:1, below-target hatch and outline #b35806 4.9:1,
//   target line and axis #333333 12.6:1 (all ≥ 3:1 for graphics).
constexpr std::string_view kText = "#1a1a1a";
constexpr std::string_view kMuted = "#555555";
constexpr std::string_view kMet = "#2166ac";
constexpr std::string_view kBelow = "#b35806";
constexpr std::string_view kLine = "#333333";

/// `text` safe inside an element or a quoted attribute: & < > " ' escaped, C0 controls made spaces.
std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += (static_cast<unsigned char>(c) < 0x20) ? ' ' : c;
    }
  }
  return out;
}

/// `id` with every byte outside [A-Za-z0-9_-] replaced by '_'; "chart" when empty.
std::string sanitise_id(std::string_view id) {
  std::string out;
  for (const char c : id) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    out += ok ? c : '_';
  }
  return out.empty() ? "chart" : out;
}

/// `v` with one decimal in the "C" locale whatever the global locale ("12.5", never "-0.0").
std::string num(double v) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, std::round(v * 10) / 10 + 0.0, std::chars_format::fixed, 1);
  return std::string(buffer, result.ptr);
}

/// `v` in its shortest exact form in the "C" locale ("4.52", "100"), for data attributes.
std::string exact(double v) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, v + 0.0);
  return std::string(buffer, result.ptr);
}

/// Whether a code point is drawn about one em wide (CJK, Hangul, full-width forms).
bool is_wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000;
}

/// Estimated width of UTF-8 `text` in ems: wide characters 1, others 0.6 (a little above Latin's ~0.55).
double text_ems(std::string_view text) {
  double ems = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t cp = length == 1 ? lead : lead & (0x3F >> (length - 1));
    for (std::size_t k = 1; k < length && i + k < text.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    ems += is_wide(cp) ? 1.0 : 0.6;
    i += length;
  }
  return ems;
}

/// The value of a bar when it can be drawn: finite, negatives clamped to 0; nullopt otherwise.
std::optional<double> drawable(const std::optional<double>& value) {
  if (!value || !std::isfinite(*value)) return std::nullopt;
  return std::max(*value, 0.0);
}

/// The value at the right end of the plot: chart.scale_max, or 10 % above the largest value and target.
double axis_max(const BarChart& chart) {
  if (chart.scale_max > 0 && std::isfinite(chart.scale_max)) return chart.scale_max;
  double largest = 0;
  for (const auto& bar : chart.bars) largest = std::max(largest, drawable(bar.value).value_or(0));
  if (const auto target = drawable(chart.target)) largest = std::max(largest, *target);
  return largest > 0 ? largest * 1.1 : 1;
}

/// A <text> element at (x, y) with its baseline shifted so y is the text's middle.
std::string text_element(double x, double y, std::string_view anchor, double size, std::string_view fill, std::string_view text,
                         std::string_view extra = {}) {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" dy=\"0.35em\" text-anchor=\"" + std::string(anchor) + "\" font-size=\"" +
         num(size) + "\" fill=\"" + std::string(fill) + "\"" + std::string(extra) + ">" + escape(text) + "</text>";
}

/// A white box behind a row's text starting at x, so the target line stops short of it instead of crossing it.
std::string backing(double x, double mid, std::string_view text) {
  return "<rect x=\"" + num(x - 2) + "\" y=\"" + num(mid - kFont * 0.7) + "\" width=\"" + num(text_ems(text) * kFont + 4) +
         "\" height=\"" + num(kFont * 1.4) + "\" fill=\"#fff\"/>";
}

/// A legend swatch with its label at (x, y); returns the x after it.
double legend_item(std::string& out, double x, double y, std::string_view fill, std::string_view stroke, std::string_view text) {
  out += "<rect x=\"" + num(x) + "\" y=\"" + num(y - 7) + "\" width=\"14\" height=\"14\" fill=\"" + std::string(fill) + "\" stroke=\"" +
         std::string(stroke) + "\" stroke-width=\"1.5\"/>";
  out += text_element(x + 20, y, "start", kSmallFont, kText, text);
  return x + 20 + text_ems(text) * kSmallFont + 20;
}

/// Where things go: a label column, the plot, a value column; a header row for the target label,
/// then one row per bar, then the legend.
struct Layout {
  double label_width = 0;  // right edge of the labels is plot_x - kGap
  double plot_x = 0;       // x of zero
  double plot_width = 0;   // x of the axis maximum is plot_x + plot_width
  double top = 0;          // y of the first row
  double bottom = 0;       // y below the last row
  double height = 0;       // of the whole chart
  double scale = 1;        // value at the axis maximum

  /// The x of `value`, at most the plot's right edge.
  [[nodiscard]] double x_of(double value) const { return plot_x + plot_width * std::min(value / scale, 1.0); }
  /// The y of the middle of row `i`.
  [[nodiscard]] double mid(std::size_t i) const { return top + kRow * static_cast<double>(i) + kRow / 2; }
};

/// The layout of `chart`: columns sized from its longest label (at most 40 % of the width) and value text (at most 25 %).
Layout layout_of(const BarChart& chart, bool has_target, bool has_legend) {
  double label_ems = 0;
  double value_ems = text_ems(chart.no_data_text);
  for (const auto& bar : chart.bars) {
    label_ems = std::max(label_ems, text_ems(bar.label));
    value_ems = std::max(value_ems, text_ems(bar.value_text));
  }
  Layout layout;
  layout.label_width = std::min(label_ems * kFont, kWidth * 0.4);
  layout.plot_x = kPad + layout.label_width + kGap;
  layout.plot_width = kWidth - kPad - std::min(value_ems * kFont + kGap, kWidth * 0.25) - layout.plot_x;
  layout.top = kPad + (has_target ? kHeader : 0);
  layout.bottom = layout.top + kRow * static_cast<double>(chart.bars.size());
  layout.height = layout.bottom + (has_legend ? kLegend : 0) + kPad;
  layout.scale = axis_max(chart);
  return layout;
}

/// A bar's <rect>: solid when there is no target or the value meets it, hatched and outlined when below.
std::string bar_element(double value, const std::optional<double>& target, const Layout& layout, double mid, const std::string& hatch) {
  const bool below = target && value < *target;
  const std::string kind = !target ? "bar" : below ? "bar bar-below" : "bar bar-met";
  const std::string fill = below ? "url(#" + hatch + ")" : std::string(kMet);
  const std::string_view stroke = below ? kBelow : kMet;
  return "<rect class=\"" + kind + "\" data-value=\"" + exact(value) + "\" x=\"" + num(layout.plot_x) + "\" y=\"" + num(mid - kBar / 2) +
         "\" width=\"" + num(layout.x_of(value) - layout.plot_x) + "\" height=\"" + num(kBar) + "\" fill=\"" + fill + "\" stroke=\"" +
         std::string(stroke) + "\" stroke-width=\"1.5\"/>";
}

/// The dashed target line (on a white casing, so it shows over solid bars) and its label above the rows.
std::string target_elements(double target, const std::string& text, const Layout& layout) {
  const double x = layout.x_of(target);
  const std::string ends = " x1=\"" + num(x) + "\" y1=\"" + num(layout.top - 4) + "\" x2=\"" + num(x) + "\" y2=\"" + num(layout.bottom) + "\"";
  std::string out = "<line" + ends + " stroke=\"#fff\" stroke-width=\"4\"/>";
  out += "<line class=\"target\" data-value=\"" + exact(target) + "\"" + ends + " stroke=\"" + std::string(kLine) +
         "\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>";
  // Centred on the line unless that would cross an edge of the chart.
  const double half = text_ems(text) * kSmallFont / 2;
  const std::string_view anchor = x + half > kWidth - kPad ? "end" : x - half < kPad ? "start" : "middle";
  return out + text_element(x, kPad + kHeader / 2 - 4, anchor, kSmallFont, kText, text, " class=\"target-label\"");
}

}  // namespace

std::string render_bar_chart(const BarChart& chart) {
  const std::string id = sanitise_id(chart.id);
  const std::string hatch = id + "-below";
  const auto target = drawable(chart.target);
  const bool legend = target && !chart.met_text.empty() && !chart.below_text.empty();
  const Layout layout = layout_of(chart, target.has_value(), legend);

  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bar-chart\" role=\"img\" aria-labelledby=\"" + id + "-title " + id +
                    "-desc\" viewBox=\"0 0 " + num(kWidth) + " " + num(layout.height) + "\" width=\"100%\" style=\"max-width:" +
                    std::string(kMaxWidth) + ";height:auto\" font-family=\"system-ui, sans-serif\">";
  out += "<title id=\"" + id + "-title\">" + escape(chart.title) + "</title>";
  out += "<desc id=\"" + id + "-desc\">" + escape(chart.description) + "</desc>";
  // Diagonal hatch for bars below the target, so the difference survives black-and-white print.
  out += "<defs><pattern id=\"" + hatch + "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
         "<rect width=\"6\" height=\"6\" fill=\"#fff\"/><rect width=\"3\" height=\"6\" fill=\"" + std::string(kBelow) + "\"/></pattern></defs>";

  // Bars first, then the axis and target line over them, then the texts (on white) over everything.
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    if (const auto value = drawable(chart.bars[i].value)) out += bar_element(*value, target, layout, layout.mid(i), hatch);
  }
  out += "<line x1=\"" + num(layout.plot_x) + "\" y1=\"" + num(layout.top) + "\" x2=\"" + num(layout.plot_x) + "\" y2=\"" +
         num(layout.bottom) + "\" stroke=\"" + std::string(kLine) + "\" stroke-width=\"1\"/>";
  if (target) out += target_elements(*target, chart.target_text, layout);
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const ChartBar& bar = chart.bars[i];
    const auto value = drawable(bar.value);
    // A label wider than its column is squeezed into it rather than drawn over the edge.
    const std::string squeeze = text_ems(bar.label) * kFont > layout.label_width
                                    ? " textLength=\"" + num(layout.label_width) + "\" lengthAdjust=\"spacingAndGlyphs\""
                                    : std::string();
    out += text_element(layout.plot_x - kGap, layout.mid(i), "end", kFont, kText, bar.label, squeeze);
    const double x = value ? layout.x_of(*value) + kGap : layout.plot_x + kGap;
    const std::string& text = value ? bar.value_text : chart.no_data_text;
    if (target && !text.empty()) out += backing(x, layout.mid(i), text);
    out += value ? text_element(x, layout.mid(i), "start", kFont, kText, text, " class=\"value\"")
                 : text_element(x, layout.mid(i), "start", kFont, kMuted, text, " class=\"no-data\" font-style=\"italic\"");
  }
  if (legend) {
    const double y = layout.bottom + kLegend / 2 + 2;
    const double after = legend_item(out, layout.plot_x, y, kMet, kMet, chart.met_text);
    legend_item(out, after, y, "url(#" + hatch + ")", kBelow, chart.below_text);
  }
  return out + "</svg>";
}

}  // namespace tuoyu::render
