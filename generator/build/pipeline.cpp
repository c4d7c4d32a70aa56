#include "build/pipeline.h"

#include <atomic>
#include <exception>
#include <fstream>
#include <mutex>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>
#include <yaml-cpp/yaml.h>

#include "core/text.h"
#include "io/files.h"
#include "load/article_source.h"
#include "load/csv_reader.h"
#include "load/encoding.h"
#include "load/site_config.h"
#include "load/table_schema.h"
#include "model/build_model.h"
#include "opendata/open_data.h"
#include "stats/chart_series.h"
#include "stats/indicators.h"
#include "stats/office_report.h"
#include "publish/staged_output.h"
#include "render/markdown.h"
#include "render/listings.h"
#include "render/site_plan.h"
#include "render/template_set.h"
#include "validate/domain_rules.h"
#include "validate/references.h"
#include "validate/table.h"

namespace tuoyu::build {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;


/// Times a phase and records it in the report.
class PhaseTimer {
 public:
  PhaseTimer(BuildReport& report, std::string name) : report_(report), name_(std::move(name)), start_(std::chrono::steady_clock::now()) {}
  ~PhaseTimer() {
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
    report_.phases.push_back({name_, elapsed.count()});
  }

 private:
  BuildReport& report_;
  std::string name_;
  std::chrono::steady_clock::time_point start_;
};

/// A path as shown in messages: relative to the source folder when inside it.
std::string display_path(const fs::path& source, const fs::path& path) {
  const fs::path relative = path.lexically_relative(source);
  if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  return path.lexically_normal().generic_string();
}

/// Everything the load phase reads.
struct LoadedSource {
  load::SiteConfig config;
  std::map<std::string, load::TableSchema> schemas;
  std::map<std::string, load::CsvTable> csv;
  std::map<std::string, std::string> paths;  ///< Table → path as shown in messages.
  std::vector<model::Article> articles;
  std::vector<std::string> article_markdown;
  std::vector<render::Locale> locales;  ///< The default language first.
};

bool load_config(const BuildOptions& options, LoadedSource& loaded, BuildReport& report) {
  const fs::path config_path = options.source / "site.yaml";
  const auto text = io::read_file(config_path);
  if (!text) {
    report.diagnostics.error({config_path.generic_string()},
                             {"找不到 site.yaml：" + options.source.generic_string() + " 不是 tuoyu 站点目录",
                              "no site.yaml: " + options.source.generic_string() + " is not a tuoyu site folder"},
                             {"用 --source 指定站点目录", "name the site folder with --source"});
    return false;
  }
  auto config = load::parse_site_config(*text, "site.yaml", report.diagnostics);
  if (!config) return false;
  if (config->base_url.empty()) {
    report.diagnostics.warning({"site.yaml"}, {"未设置 base_url：不会生成站点地图，404 页面在子目录中无法加载样式和链接",
                                               "base_url is not set: no sitemap is written, and the 404 page cannot load its style or links below the top folder"},
                               {"加入网站正式网址，如 base_url: https://example.gov.cn/tuoyu/", "add the published address, e.g. base_url: https://example.gov.cn/tuoyu/"});
  }
  loaded.config = std::move(*config);
  report.site_language = core::parse_language(loaded.config.language, core::Language::zh);
  return true;
}

bool load_schemas(const BuildOptions& options, LoadedSource& loaded, BuildReport& report) {
  bool ok = true;
  for (const auto& table : load::kTableNames) {
    std::string origin;
    const std::string relative = "data/schema/" + table + ".schema.json";
    const auto text = render::read_resource(options.source, relative, &origin);
    if (!text) {
      report.diagnostics.error({relative}, {"缺少表结构文件", "the table schema file is missing"});
      ok = false;
      continue;
    }
    auto schema = load::parse_table_schema(*text, table, display_path(options.source, origin), report.diagnostics);
    if (!schema) {
      ok = false;
      continue;
    }
    loaded.schemas.emplace(table, std::move(*schema));
  }
  // Keys that reach across tables can only be checked once every schema is loaded.
  if (ok && !load::check_schema_set(loaded.schemas, report.diagnostics)) ok = false;
  return ok;
}

void load_tables(const BuildOptions& options, LoadedSource& loaded, BuildReport& report) {
  for (const auto& table : load::kTableNames) {
    const auto configured = loaded.config.tables.find(table);
    const bool from_config = configured != loaded.config.tables.end();
    const fs::path file = options.source / (from_config ? configured->second : "data/" + table + ".csv");
    const std::string shown = display_path(options.source, file);
    loaded.paths[table] = shown;
    // Register files the office did not name in site.yaml must lie inside the source folder,
    // whatever links lead there (a linked data/ folder included).
    if (!from_config && fs::exists(file) && !io::is_inside(options.source, file)) {
      report.diagnostics.error({shown}, {"拒绝读取：此文件是指向站点目录之外的符号链接", "refused: this file is a symbolic link to outside the site folder"});
      continue;
    }
    const auto bytes = io::read_file(file);
    if (!bytes) {
      report.diagnostics.error({shown}, {"找不到登记表文件", "the register file is missing"},
                               {"每个站点都需要 data/institutions.csv、data/fees.csv 和 data/areas.csv（可以只有表头）",
                                "every site needs data/institutions.csv, data/fees.csv and data/areas.csv (a header row is enough)"});
      continue;
    }
    auto decoded = load::decode_text(*bytes, loaded.config.encoding, shown, report.diagnostics);
    if (!decoded) continue;
    load::CsvTable csv = load::parse_csv(decoded->utf8, shown, report.diagnostics);
    report.tables.push_back({shown, csv.rows.empty() ? 0 : csv.rows.size() - 1});
    loaded.csv.emplace(table, std::move(csv));
  }
}

void load_articles(const BuildOptions& options, LoadedSource& loaded, BuildReport& report) {
  const fs::path folder = options.source / "content" / "guide";
  for (const auto& file : io::list_files(folder, ".md")) {
    const std::string shown = display_path(options.source, file);
    if (!io::is_inside(options.source, file)) {
      report.diagnostics.error({shown}, {"拒绝读取：此文件指向站点目录之外", "refused: this file points outside the site folder"});
      continue;
    }
    const auto text = io::read_file(file);
    if (!text) {
      report.diagnostics.error({shown}, {"无法读取文件", "the file cannot be read"});
      continue;
    }
    if (!core::is_valid_utf8(*text)) {
      report.diagnostics.error({shown}, {"文章须为 UTF-8 编码", "articles must be saved as UTF-8"});
      continue;
    }
    std::string body;
    auto article = load::parse_article(*text, file.stem().string(), shown, report.diagnostics, &body);
    if (!article) continue;
    loaded.articles.push_back(std::move(*article));
    loaded.article_markdown.push_back(std::move(body));
  }
  report.articles = loaded.articles.size();
}

bool load_locales(const BuildOptions& options, LoadedSource& loaded, BuildReport& report) {
  bool ok = true;
  for (const auto& code : loaded.config.languages) {
    const std::string relative = "templates/locales/" + code + ".yaml";
    std::string origin;
    const auto text = render::read_resource(options.source, relative, &origin);
    if (!text) {
      report.diagnostics.error({relative}, {"缺少界面文字文件", "the interface strings file is missing"});
      ok = false;
      continue;
    }
    render::Locale locale{code, loaded.locales.empty() ? "" : code + "/", json::object()};
    try {
      const YAML::Node node = YAML::Load(*text);
      for (const auto& entry : node) locale.strings[entry.first.as<std::string>()] = entry.second.as<std::string>();
    } catch (const YAML::Exception& e) {
      report.diagnostics.error({display_path(options.source, origin), e.mark.line + 1, e.mark.column + 1},
                               {"界面文字文件不是有效的 YAML：" + e.msg, "the interface strings file is not valid YAML: " + e.msg});
      ok = false;
      continue;
    }
    loaded.locales.push_back(std::move(locale));
  }
  return ok;
}

/// One output file: where it goes and what it holds.
struct OutputFile {
  std::string path;
  std::string bytes;
};

/// Renders every job, spreading them over `jobs` threads, each with its own copy of the templates;
/// results go into fixed slots, so their order never depends on the threads.
std::vector<OutputFile> render_jobs(const std::vector<render::PageJob>& plan, const render::TemplateSet& templates, unsigned jobs) {
  std::vector<OutputFile> files(plan.size());
  const unsigned threads = std::max(1U, std::min<unsigned>(jobs, static_cast<unsigned>(plan.size() / 64 + 1)));
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto worker = [&](render::TemplateSet set) {
    try {
      for (std::size_t i = next++; i < plan.size(); i = next++) files[i] = {plan[i].path, plan[i].render(set)};
    } catch (...) {
      const std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next = plan.size();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker, templates.clone());
  worker(templates.clone());
  for (auto& thread : pool) thread.join();
  if (failure) std::rethrow_exception(failure);
  return files;
}

/// Refuses output folders that would replace or sit inside the source's own folders, and folders
/// or files that tuoyu did not make.
bool output_is_safe(const fs::path& source, const fs::path& output, BuildReport& report) {
  std::error_code error;
  const fs::path src = fs::weakly_canonical(source, error);
  const fs::path out = error ? fs::path() : fs::weakly_canonical(output, error);
  if (error) {
    report.diagnostics.error({output.generic_string()}, {"无法解析输出路径：" + error.message(), "the output path cannot be resolved: " + error.message()});
    return false;
  }
  bool inside_input = false;
  for (const char* folder : {"data", "content", "templates"}) inside_input = inside_input || io::contains_path(src / folder, out);
  if (io::contains_path(out, src) || inside_input) {
    report.diagnostics.error({output.generic_string()}, {"输出目录不能是站点目录本身、其上级或 data/、content/、templates/",
                                                         "the output folder cannot be the site folder, a folder above it, or inside data/, content/ or templates/"},
                             {"使用默认的 site/ 或另选一个目录", "use the default site/ or another folder"});
    return false;
  }
  if (const auto refusal = publish::refuse_destination(output)) {
    report.diagnostics.error({output.generic_string()}, *refusal,
                             {"另选一个新的或空的目录，或先确认后删除该目录", "choose a new or empty folder, or delete that one after checking it"});
    return false;
  }
  return true;
}

/// Writes `bytes` to `path` through a temporary file and a rename, so a reader never sees half of it.
void write_beside(const fs::path& path, const std::string& bytes) {
  const fs::path temporary = path.parent_path() / ("." + path.filename().string() + ".tmp");
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << bytes;
    out.close();
    if (!out) throw std::runtime_error("cannot write " + temporary.string());
  }
  fs::rename(temporary, path);
}

}  // namespace

fs::path office_report_path(const fs::path& output) {
  fs::path folder = output.lexically_normal();
  if (folder.filename().empty()) folder = folder.parent_path();
  return folder.parent_path() / (folder.filename().string() + ".office-report.txt");
}

BuildReport run_build(const BuildOptions& options) {
  BuildReport report;
  report.output = options.output.value_or(options.source / "site");
  LoadedSource loaded;
  {
    PhaseTimer timer(report, "load");
    if (!load_config(options, loaded, report) || !load_schemas(options, loaded, report) || !load_locales(options, loaded, report) ||
        (options.write && !output_is_safe(options.source, report.output, report))) {
      report.outcome = Outcome::config_errors;
      return report;
    }
    load_tables(options, loaded, report);
    load_articles(options, loaded, report);
  }
  validate::Tables tables;
  {
    PhaseTimer timer(report, "validate");
    for (const auto& [name, csv] : loaded.csv) {
      tables.emplace(name, validate::validate_table(csv, loaded.schemas.at(name), loaded.paths.at(name), report.diagnostics));
    }
    if (tables.size() == load::kTableNames.size()) {
      validate::check_references(tables, report.diagnostics);
      validate::check_domain_rules(tables, report.diagnostics);
    }
  }
  if (report.diagnostics.has_errors()) {
    report.outcome = Outcome::data_errors;
    return report;
  }
  if (!options.write && !options.office_report) return report;
  model::SiteModel site;
  {
    PhaseTimer timer(report, "model");
    for (std::size_t i = 0; i < loaded.articles.size(); ++i) {
      auto rendered = render::render_article_markdown(loaded.article_markdown[i]);
      loaded.articles[i].body_html = std::move(rendered.html);
      for (auto& heading : rendered.headings) loaded.articles[i].headings.emplace_back(std::move(heading.id), std::move(heading.text));
    }
    site = model::build_site_model(loaded.config, tables, std::move(loaded.articles));
  }
  stats::Statistics statistics;
  std::vector<stats::ChartSeries> charts;
  std::vector<opendata::DataFile> data_files;
  {
    PhaseTimer timer(report, "data");
    statistics = stats::compute_statistics(site);
    charts = stats::chart_series(statistics);
    report.office_report = stats::office_report_text(site, statistics, options.report_language.value_or(report.site_language.value_or(core::Language::zh)));
    if (!options.write) return report;
    try {
      data_files = opendata::build_open_data(site, statistics, charts);
    } catch (const std::exception& e) {
      report.diagnostics.error({}, {std::string("生成开放数据失败：") + e.what(), std::string("making the open data failed: ") + e.what()});
      report.outcome = Outcome::config_errors;
      return report;
    }
  }
  std::vector<OutputFile> files;
  {
    PhaseTimer timer(report, "render");
    render::TemplateSet templates(options.source, render::template_names(), report.diagnostics);
    if (report.diagnostics.has_errors()) {
      report.outcome = Outcome::config_errors;
      return report;
    }
    const unsigned jobs = options.jobs != 0 ? options.jobs : std::max(1U, std::thread::hardware_concurrency());
    const render::Listings listings = render::build_listings(site);
    const render::SiteInputs inputs{site, loaded.locales, listings, loaded.schemas, statistics, charts, data_files};
    const auto plan = render::plan_site(inputs);
    try {
      files = render_jobs(plan, templates, jobs);
    } catch (const std::exception& e) {
      report.diagnostics.error({}, {std::string("渲染页面失败：") + e.what(), std::string("rendering failed: ") + e.what()});
      report.outcome = Outcome::config_errors;
      return report;
    }
    report.pages = files.size();
    for (auto& data : data_files) files.push_back({std::move(data.path), std::move(data.bytes)});
  }
  {
    PhaseTimer timer(report, "write");
    try {
      publish::StagedOutput output(report.output);
      for (const auto& file : files) output.write(file.path, file.bytes);
      output.commit();
      report.files_written = output.files_written();
      report.bytes_written = output.bytes_written();
      report.office_report_path = office_report_path(report.output);
      write_beside(report.office_report_path, report.office_report);
    } catch (const std::exception& e) {
      report.diagnostics.error({report.output.generic_string()}, {std::string("写入失败，原有网站保持不变：") + e.what(),
                                                                  std::string("writing failed; the previous site is unchanged: ") + e.what()});
      report.outcome = Outcome::write_failed;
    }
  }
  return report;
}

}  // namespace tuoyu::build
