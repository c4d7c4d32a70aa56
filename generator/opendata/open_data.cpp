#include "opendata/open_data.h"

#include <algorithm>
#include <map>

#include "opendata/checksums.h"
#include "opendata/csv_text.h"
#include "opendata/data_package.h"
#include "opendata/dcat_catalog.h"
#include "opendata/geojson.h"
#include "opendata/published_tables.h"
#include "opendata/statistics_table.h"
#include "opendata/table_json.h"
#include "opendata/xlsx_workbook.h"

namespace tuoyu::opendata {
namespace {

using json = nlohmann::ordered_json;

/// Titles of the published tables in the site's language.
struct TableText {
  std::string name, title_zh, title_en, description_zh, description_en, sheet;
};

const std::vector<TableText>& table_texts() {
  static const std::vector<TableText> texts = {
      {"institutions", "托育机构登记", "Childcare institutions", "每个托育机构一行：名称、地址、类型、举办性质、普惠、备案、托位、收托月龄、服务和联系电话。家庭托育点只公开到街道，位置约 500 米。",
       "One row per childcare institution: name, address, type, ownership, inclusive status, filing, places, ages, services and phone. Home-based settings show the street only and a position to about 500 m.", "托育机构"},
      {"fees", "收费公示", "Fees", "每个收费项目一行：服务类型、班型、项目、金额、计费单位和最长预收月数。",
       "One row per fee item: service, class, item, amount, unit and the longest prepayment in months.", "收费"},
      {"areas", "行政区划", "Areas", "区（县）和街道（乡镇）：代码、名称、上级、常住人口、3岁以下婴幼儿数和中心位置。",
       "Districts and streets: code, name, parent, population, children under 3 and centre position.", "区划"},
      {"statistics", "统计指标", "Statistics", "全域、各区县和各街道的统计指标，含分子、分母、目标值和差距，口径见网站“统计口径”页。",
       "Indicators for the whole site, each district and each street with numerator, denominator, target and gap; definitions on the methodology page.", "统计"},
  };
  return texts;
}

bool chinese(const model::SiteModel& site) { return site.config.language != "en"; }

/// The workbook sheet of a table: Chinese headers, and numbers only where the schema types them.
XlsxSheet sheet_of(const model::PublicTable& table, const std::string& name) {
  XlsxSheet sheet;
  sheet.name = name;
  for (const auto& field : table.schema.fields) sheet.headers.push_back(field.title.empty() ? field.name : field.title);
  sheet.rows.reserve(table.rows.size());
  for (const auto& row : table.rows) {
    std::vector<XlsxCell> cells;
    cells.reserve(row.size());
    for (std::size_t f = 0; f < row.size(); ++f) {
      const auto type = table.schema.fields[f].type;
      XlsxCell cell{row[f], std::nullopt};
      if (!row[f].empty() && (type == load::FieldType::integer || type == load::FieldType::number)) cell.number = std::stod(row[f]);
      cells.push_back(std::move(cell));
    }
    sheet.rows.push_back(std::move(cells));
  }
  return sheet;
}

std::string chart_csv(const stats::ChartSeries& series) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& p : series.points) {
    rows.push_back({p.code, p.name, p.figure && p.figure->value ? p.figure->value->text() : "", series.target ? series.target->text() : ""});
  }
  return csv_text({"code", "name", series.indicator, "target"}, rows);
}

/// The records of each district's institutions with their fees, typed as in institutions.json, by district code.
std::map<std::string, json> district_records(const model::SiteModel& site, const model::PublicTable& institutions,
                                             const model::PublicTable& fees) {
  std::map<std::string, json> fees_of;
  if (const auto owner = fees.schema.find_name("institution_id")) {
    for (const auto& fee : fees.rows) {
      json& list = fees_of[fee[*owner]];
      if (list.is_null()) list = json::array();
      list.push_back(row_json(fees.schema, fee));
    }
  }
  std::map<std::string, json> out;
  for (std::size_t i = 0; i < institutions.rows.size(); ++i) {
    const auto& inst = site.institutions[i];
    json record = row_json(institutions.schema, institutions.rows[i]);
    auto own = fees_of.find(inst.id);
    record["fees"] = own != fees_of.end() ? std::move(own->second) : json::array();
    json& list = out[inst.district_code];
    if (list.is_null()) list = json::array();
    list.push_back(std::move(record));
  }
  return out;
}

std::string readme_text(const model::SiteModel& site) {
  const auto& c = site.config;
  std::string out = c.title + " 开放数据 / Open data\n\n";
  out += "数据截止日期 / Data as of: " + c.data_date + "\n";
  out += "许可协议 / Licence: " + c.license_name + (c.license_url.empty() ? "" : " " + c.license_url) + "\n";
  if (!c.source_note.empty()) out += "来源 / Source: " + c.source_note + "\n";
  out += "\n";
  out += "institutions.csv, fees.csv, areas.csv, statistics.csv  UTF-8（无 BOM / no BOM），RFC 4180，英文表头 / English headers\n";
  out += "*.json        同上，JSON 格式 / the same as JSON\n";
  out += "institutions.geojson  WGS-84 [经度, 纬度] / [lon, lat]\n";
  out += "excel/*.csv   带 BOM 的 UTF-8，Excel 可直接打开 / UTF-8 with BOM for Excel\n";
  out += "register.xlsx 中文表头，编号和代码以文本保存 / Chinese headers, ids and codes kept as text\n";
  out += "datapackage.json  Frictionless Data Package v2（字段说明 / data dictionary）\n";
  out += "catalog.jsonld    DCAT 目录 / DCAT catalogue\n";
  out += "SHA256SUMS    校验：sha256sum -c SHA256SUMS / verify with sha256sum -c SHA256SUMS\n";
  out += "\n家庭托育点只公开到街道，位置约 500 米；举办者手机等非公开字段不发布。\n";
  out += "Home-based settings (家庭托育点) show the street only and a position to about 500 m; private fields are never published.\n";
  return out;
}

}  // namespace

std::string record_path(const model::Institution& institution) { return "data/records/" + institution.district_code + ".json"; }

std::vector<DataFile> build_open_data(const model::SiteModel& site, const stats::Statistics& statistics,
                                      const std::vector<stats::ChartSeries>& charts) {
  // Only institutions change on publication (home settings); the other tables are used as the model holds them.
  const model::PublicTable institutions = published_table(site, "institutions");
  const model::PublicTable statistics_rows = statistics_table(statistics, site.config);
  const model::PublicTable none;
  auto model_table = [&site, &none](const std::string& name) {
    const auto it = site.public_tables.find(name);
    return it != site.public_tables.end() ? &it->second : &none;
  };
  const std::map<std::string, const model::PublicTable*> table_of = {
      {"institutions", &institutions}, {"fees", model_table("fees")}, {"areas", model_table("areas")}, {"statistics", &statistics_rows}};
  auto tables = [&table_of](const std::string& name) -> const model::PublicTable& { return *table_of.at(name); };

  std::vector<DataFile> files;
  const std::vector<std::string> order = {"institutions", "fees", "areas", "statistics"};
  for (const auto& name : order) {
    const auto& table = tables(name);
    std::vector<std::string> header;
    for (const auto& field : table.schema.fields) header.push_back(field.name);
    files.push_back({"data/" + name + ".csv", csv_text(header, table.rows), name, "CSV"});
  }
  for (const auto& name : order) files.push_back({"data/" + name + ".json", json_text(table_json(tables(name)), false), name, "JSON"});
  files.push_back({"data/institutions.geojson", institutions_geojson(site), "institutions", "GeoJSON"});
  for (std::size_t i = 0; i < order.size(); ++i) {
    files.push_back({"data/excel/" + order[i] + ".csv", std::string(kUtf8Bom) + files[i].bytes, order[i], "CSV-BOM"});
  }
  std::vector<XlsxSheet> sheets;
  for (const auto& text : table_texts()) sheets.push_back(sheet_of(tables(text.name), text.sheet));
  const std::string author = !site.config.footer.host.empty() ? site.config.footer.host : site.config.contact.organisation;
  files.push_back({"data/register.xlsx", write_xlsx(sheets, {site.config.title, author, site.config.data_date}), "all", "XLSX"});
  auto records = district_records(site, tables("institutions"), tables("fees"));
  for (const auto& area : site.areas) {
    if (area.code.size() != 6) continue;
    auto own = records.find(area.code);
    files.push_back({"data/records/" + area.code + ".json",
                     json_text({{"district_code", area.code},
                                {"district_name", area.name},
                                {"data_date", site.config.data_date},
                                {"licence", site.config.license_name},
                                {"institutions", own != records.end() ? std::move(own->second) : json::array()}},
                               false),
                     "record", "JSON"});
  }
  for (const auto& series : charts) files.push_back({"data/charts/" + series.id + ".csv", chart_csv(series), "chart", "CSV"});
  files.push_back({"data/README.txt", readme_text(site), "all", "text"});

  // Each file is hashed once; the package, the catalogue and SHA256SUMS all quote these digests.
  std::map<std::string, std::string> sha256_of;
  for (const auto& file : files) sha256_of[file.path] = sha256_hex(file.bytes);
  const bool zh = chinese(site);
  std::vector<PackageResource> resources;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const TableText& text = table_texts()[i];
    resources.push_back({order[i], order[i] + ".csv", zh ? text.title_zh : text.title_en, zh ? text.description_zh : text.description_en,
                         &tables(order[i]).schema, files[i].bytes.size(), sha256_of.at(files[i].path)});
  }
  files.push_back({"data/datapackage.json", data_package_json(site.config, resources), "all", "Data Package"});
  sha256_of[files.back().path] = sha256_hex(files.back().bytes);

  std::vector<Dataset> datasets;
  for (const auto& text : table_texts()) {
    Dataset dataset{text.name, zh ? text.title_zh : text.title_en, zh ? text.description_zh : text.description_en, {"托育", text.title_zh}, {}};
    for (const auto& file : files) {
      if (file.table != text.name && !(file.format == "XLSX" || file.format == "Data Package")) continue;
      static const std::map<std::string, std::pair<std::string, std::string>> media = {
          {"CSV", {"text/csv", "CSV"}},           {"CSV-BOM", {"text/csv", "CSV"}},
          {"JSON", {"application/json", "JSON"}}, {"GeoJSON", {"application/geo+json", "GeoJSON"}},
          {"XLSX", {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"}},
          {"Data Package", {"application/json", "JSON"}}};
      const auto& [media_type, format] = media.at(file.format);
      const std::string name = file.path.substr(file.path.rfind('/') + 1);
      const std::string title = (zh ? text.title_zh : text.title_en) + " (" + name + (file.format == "CSV-BOM" ? ", Excel" : "") + ")";
      dataset.distributions.push_back({file.path, title, media_type, format, file.bytes.size(), sha256_of.at(file.path)});
    }
    datasets.push_back(std::move(dataset));
  }
  files.push_back({"data/catalog.jsonld", dcat_catalog_jsonld(site.config, datasets), "all", "DCAT"});
  sha256_of[files.back().path] = sha256_hex(files.back().bytes);

  std::vector<std::pair<std::string, std::string>> sums;  // In path order: sha256_of is a sorted map.
  for (const auto& [path, digest] : sha256_of) sums.emplace_back(path.substr(5), digest);
  files.push_back({"data/SHA256SUMS", sha256sums(sums), "all", "SHA256SUMS"});
  return files;
}

}  // namespace tuoyu::opendata
