#include "cli/options.h"

#include <charconv>
#include <variant>

#include "core/text.h"

namespace tuoyu::cli {
namespace {

UsageError usage(const std::string& zh, const std::string& en) { return {{zh, en}}; }

std::optional<std::size_t> parse_count(const std::string& text) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::variant<Options, UsageError> parse_options(const std::vector<std::string>& args) {
  Options options;
  if (args.empty()) return options;
  std::size_t i = 0;
  const std::string& first = args[0];
  if (first == "--help" || first == "-h" || first == "help") {
    options.command = Command::help;
    if (args.size() > 1) options.help_topic = args[1];
    return options;
  }
  if (first == "--version" || first == "-V") {
    options.command = Command::version;
    return options;
  }
  const std::vector<std::string> commands = {"check", "build"};
  if (first == "check") {
    options.command = Command::check;
    options.build.write = false;
  } else if (first == "build") {
    options.command = Command::build;
  } else {
    std::string hint;
    if (const auto guess = core::did_you_mean(first, commands)) hint = *guess;
    return usage("未知的命令 " + core::quote_for_message(first) + (hint.empty() ? "" : "，是不是 " + hint + "？") + "（tuoyu --help 查看用法）",
                 "unknown command " + core::quote_for_message(first) + (hint.empty() ? "" : "; did you mean " + hint + "?") + " (see tuoyu --help)");
  }
  const std::vector<std::string> flags = {"--source", "--out", "--lang", "--jobs", "--verbose", "--max-errors", "--report", "--help"};
  bool wants_help = false;
  for (i = 1; i < args.size(); ++i) {
    std::string flag = args[i];
    std::optional<std::string> value;
    if (const auto eq = flag.find('='); flag.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = flag.substr(eq + 1);
      flag = flag.substr(0, eq);
    }
    auto take_value = [&]() -> std::optional<std::string> {
      if (value) return value;
      if (i + 1 < args.size()) return args[++i];
      return std::nullopt;
    };
    if (flag == "--help" || flag == "-h") {
      wants_help = true;  // Other options still count (--lang chooses the help's language).
      continue;
    }
    if (flag == "--verbose" || flag == "-v") {
      options.verbose = true;
      continue;
    }
    if (flag == "--report") {
      if (options.command != Command::check) return usage("--report 用于 check；build 总会把跟进清单写在输出目录旁", "--report is for check; build always writes the follow-up list beside its output");
      options.build.office_report = true;
      continue;
    }
    if (flag == "--source" || flag == "--out" || flag == "--lang" || flag == "--jobs" || flag == "-j" || flag == "--max-errors") {
      const auto text = take_value();
      if (!text || text->empty()) return usage(flag + " 后须跟一个值", flag + " needs a value");
      if (flag == "--source") {
        options.build.source = *text;
      } else if (flag == "--out") {
        if (options.command == Command::check) return usage("check 只检查数据，不接受 --out", "check only validates and takes no --out");
        options.build.output = *text;
      } else if (flag == "--lang") {
        if (*text != "zh-CN" && *text != "zh" && *text != "en") return usage("--lang 应为 zh-CN 或 en", "--lang must be zh-CN or en");
        options.language = core::parse_language(*text, core::Language::zh);
        options.build.report_language = options.language;
      } else if (flag == "--jobs" || flag == "-j") {
        const auto count = parse_count(*text);
        if (!count || *count == 0 || *count > 256) return usage("--jobs 应为 1 到 256 的整数", "--jobs must be a whole number from 1 to 256");
        options.build.jobs = static_cast<unsigned>(*count);
      } else {
        const auto count = parse_count(*text);
        if (!count || *count == 0) return usage("--max-errors 应为正整数", "--max-errors must be a positive whole number");
        options.max_messages = *count;
      }
      continue;
    }
    std::string hint;
    if (const auto guess = core::did_you_mean(flag, flags)) hint = *guess;
    return usage("未知的选项 " + core::quote_for_message(args[i]) + (hint.empty() ? "" : "，是不是 " + hint + "？"),
                 "unknown option " + core::quote_for_message(args[i]) + (hint.empty() ? "" : "; did you mean " + hint + "?"));
  }
  if (wants_help) {
    options.help_topic = first;
    options.command = Command::help;
  }
  return options;
}

std::string help_text(const std::string& topic, core::Language language) {
  const bool zh = language == core::Language::zh;
  if (topic == "check") {
    return zh ? "用法: tuoyu check [--source 目录] [--lang zh-CN|en] [--max-errors N] [--report] [--verbose]\n\n"
                "检查站点目录中的 site.yaml、data/ 登记表和 content/ 文章，列出所有错误和警告，不写任何文件。\n\n"
                "  --source 目录     站点目录（默认：当前目录）\n"
                "  --lang 语言       消息语言（默认取 site.yaml 的 language）\n"
                "  --max-errors N    最多列出 N 条消息（默认 100），总数总会显示\n"
                "  --report          数据无错误时另外打印内部跟进清单（预收超 3 个月、超额收托、未备案等，不公开）\n"
                "  --verbose         显示各阶段耗时\n\n"
                "退出码: 0 无错误（可有警告），1 数据有错误，2 用法或配置错误\n"
              : "usage: tuoyu check [--source DIR] [--lang zh-CN|en] [--max-errors N] [--report] [--verbose]\n\n"
                "Validates site.yaml, the registers in data/ and the articles in content/, lists every error and\n"
                "warning, and writes nothing.\n\n"
                "  --source DIR      the site folder (default: the current folder)\n"
                "  --lang LANG       message language (default: site.yaml's language)\n"
                "  --max-errors N    list at most N messages (default 100); the totals are always shown\n"
                "  --report          when the data has no errors, also print the office's internal follow-up list\n"
                "                    (prepayment over 3 months, enrolment over capacity, not filed, ...; never published)\n"
                "  --verbose         show the time each phase took\n\n"
                "exit codes: 0 no errors (warnings allowed), 1 data errors, 2 usage or configuration errors\n";
  }
  if (topic == "build") {
    return zh ? "用法: tuoyu build [--source 目录] [--out 目录] [--jobs N] [--lang zh-CN|en] [--max-errors N] [--verbose]\n\n"
                "检查数据，无错误时生成网站。新网站先写入输出目录旁的临时目录，完成后一次性替换；\n"
                "出错或中断时原有网站保持不变。内部跟进清单写在输出目录旁（如 site.office-report.txt），不发布。\n\n"
                "  --source 目录     站点目录（默认：当前目录）\n"
                "  --out 目录        输出目录（默认：站点目录下的 site/）\n"
                "  --jobs N          渲染线程数（默认：CPU 核数）；输出与线程数无关\n"
                "  --lang 语言       消息语言（默认取 site.yaml 的 language）\n"
                "  --max-errors N    最多列出 N 条消息（默认 100）\n"
                "  --verbose         显示各阶段耗时\n\n"
                "退出码: 0 成功，1 数据有错误（未写入），2 用法或配置错误，3 无法写入输出（原网站不变）\n"
              : "usage: tuoyu build [--source DIR] [--out DIR] [--jobs N] [--lang zh-CN|en] [--max-errors N] [--verbose]\n\n"
                "Validates the data and, when there is no error, generates the site. The new site is written to a\n"
                "staging folder beside the output and swapped in whole; a failed or interrupted build leaves the\n"
                "previous site as it was. The office's follow-up list is written beside the output folder\n"
                "(e.g. site.office-report.txt) and is never published.\n\n"
                "  --source DIR      the site folder (default: the current folder)\n"
                "  --out DIR         the output folder (default: site/ in the site folder)\n"
                "  --jobs N          render threads (default: one per core); the output never depends on it\n"
                "  --lang LANG       message language (default: site.yaml's language)\n"
                "  --max-errors N    list at most N messages (default 100)\n"
                "  --verbose         show the time each phase took\n\n"
                "exit codes: 0 success, 1 data errors (nothing written), 2 usage or configuration errors,\n"
                "3 the output could not be written (the previous site is unchanged)\n";
  }
  return zh ? "tuoyu " TUOYU_VERSION " — 把托育机构登记表生成为可检索的静态网站和开放数据\n\n"
              "用法: tuoyu <命令> [选项]\n\n"
              "命令:\n"
              "  check     只检查数据，列出所有问题\n"
              "  build     检查并生成网站\n\n"
              "tuoyu <命令> --help 查看各命令的选项；tuoyu --version 显示版本。\n"
            : "tuoyu " TUOYU_VERSION " — turns childcare registers into a searchable static site and open data\n\n"
              "usage: tuoyu <command> [options]\n\n"
              "commands:\n"
              "  check     validate the data and list every problem\n"
              "  build     validate and generate the site\n\n"
              "tuoyu <command> --help shows a command's options; tuoyu --version prints the version.\n";
}

}  // namespace tuoyu::cli
