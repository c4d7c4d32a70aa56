#include "opendata/dcat_catalog.h"

#include <nlohmann/json.hpp>

#include "opendata/table_json.h"

namespace tuoyu::opendata {
namespace {

using json = nlohmann::ordered_json;

json text(const std::string& value, const std::string& language) { return {{"@value", value}, {"@language", language}}; }

json iri(const std::string& value) { return {{"@id", value}}; }

}  // namespace

std::string dcat_catalog_jsonld(const load::SiteConfig& config, const std::vector<Dataset>& datasets) {
  const std::string base = config.base_url;
  const std::string language = config.language;
  const std::string publisher = !config.footer.host.empty() ? config.footer.host
                                : !config.contact.organisation.empty() ? config.contact.organisation
                                                                       : config.region;
  const json context = {{"dcat", "http://www.w3.org/ns/dcat#"},
                        {"dct", "http://purl.org/dc/terms/"},
                        {"foaf", "http://xmlns.com/foaf/0.1/"},
                        {"spdx", "http://spdx.org/rdf/terms#"},
                        {"xsd", "http://www.w3.org/2001/XMLSchema#"}};
  json dataset_list = json::array();
  for (const auto& d : datasets) {
    json distributions = json::array();
    for (const auto& file : d.distributions) {
      distributions.push_back({{"@id", base + file.path + "#distribution"},
                               {"@type", "dcat:Distribution"},
                               {"dct:title", text(file.title, language)},
                               {"dcat:accessURL", iri(base + "data.html")},
                               {"dcat:downloadURL", iri(base + file.path)},
                               {"dcat:mediaType", iri("http://www.iana.org/assignments/media-types/" + file.media_type)},
                               {"dct:format", file.format},
                               {"dcat:byteSize", {{"@value", std::to_string(file.bytes)}, {"@type", "xsd:nonNegativeInteger"}}},
                               {"spdx:checksum", {{"@type", "spdx:Checksum"},
                                                  {"spdx:algorithm", iri("spdx:checksumAlgorithm_sha256")},
                                                  {"spdx:checksumValue", file.sha256}}},
                               {"dct:license", iri(config.license_url)}});
    }
    json keywords = json::array();
    for (const auto& k : d.keywords) keywords.push_back(text(k, language));
    dataset_list.push_back({{"@id", base + "data/catalog.jsonld#" + d.id},
                            {"@type", "dcat:Dataset"},
                            {"dct:identifier", d.id},
                            {"dct:title", text(d.title, language)},
                            {"dct:description", text(d.description, language)},
                            {"dcat:keyword", std::move(keywords)},
                            {"dct:publisher", iri(base + "data/catalog.jsonld#publisher")},
                            {"dct:modified", {{"@value", config.data_date}, {"@type", "xsd:date"}}},
                            {"dcat:landingPage", iri(base + "data.html")},
                            {"dcat:distribution", std::move(distributions)}});
  }
  json catalog = {{"@context", context},
                  {"@id", base + "data/catalog.jsonld"},
                  {"@type", "dcat:Catalog"},
                  {"dct:title", text(config.title, language)},
                  {"dct:description", text(config.about.empty() ? config.title : config.about, language)},
                  {"dct:publisher", {{"@id", base + "data/catalog.jsonld#publisher"}, {"@type", "foaf:Agent"}, {"foaf:name", publisher}}},
                  {"dct:language", iri(language == "en" ? "http://publications.europa.eu/resource/authority/language/ENG"
                                                        : "http://publications.europa.eu/resource/authority/language/ZHO")},
                  {"dct:license", iri(config.license_url)},
                  {"dct:modified", {{"@value", config.data_date}, {"@type", "xsd:date"}}},
                  {"foaf:homepage", iri(base.empty() ? "index.html" : base)},
                  {"dcat:dataset", std::move(dataset_list)}};
  return json_text(catalog);
}

}  // namespace tuoyu::opendata
