#include "render/site_plan.h"

#include "render/page_views.h"
#include "render/statistics_views.h"

namespace tuoyu::render {
namespace {

using nlohmann::json;

/// Renders a page body into the layout with everything the layout needs to know about where it is.
class PageMaker {
 public:
  PageMaker(const model::SiteModel& site, const std::vector<Locale>& locales) : site_(site), locales_(locales) {}

  /// The full HTML of `path_in_language` for `locale`.
  std::string make(TemplateSet& set, const Locale& locale, const std::string& path_in_language, const std::string& title,
                   const std::string& template_name, json view, bool canonical = true) const {
    const std::string full_path = locale.prefix + path_in_language;
    // The 404 page answers at any depth, so its links start at the site's path when it is known.
    const bool absolute = !canonical && !site_.config.base_url.empty();
    const std::string to_site_root = absolute ? site_.config.base_path : root_prefix(full_path);
    const std::string to_language_root = absolute ? site_.config.base_path + locale.prefix : root_prefix(path_in_language);
    json site = site_view(site_, locale.strings);
    json alternates = json::array();
    for (const auto& other : locales_) {
      if (other.code == locale.code) continue;
      alternates.push_back({{"lang", other.code}, {"name", other.strings.value("language_name", other.code)},
                            {"url", to_site_root + other.prefix + path_in_language}});
    }
    const json context = {{"site", site}, {"t", locale.strings}, {"root", to_language_root}, {"assets", to_site_root + "assets/"},
                          {"site_root", to_site_root}, {"page", std::move(view)}};
    json layout = {{"site", site},
                   {"t", locale.strings},
                   {"root", to_language_root},
                   {"assets", to_site_root + "assets/"},
                   {"page_title", title},
                   {"alternates", alternates},
                   {"canonical", site_.config.base_url.empty() || !canonical ? "" : site_.config.base_url + full_path},
                   {"body", set.render(template_name, context)}};
    return set.render("layout.html", layout);
  }

 private:
  const model::SiteModel& site_;
  const std::vector<Locale>& locales_;
};

std::string sitemap(const model::SiteModel& site, const std::vector<std::string>& paths) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& path : paths) {
    out += "<url><loc>" + site.config.base_url + path + "</loc><lastmod>" + site.config.data_date + "</lastmod></url>\n";
  }
  return out + "</urlset>\n";
}

}  // namespace

const std::vector<std::string>& template_names() {
  static const std::vector<std::string> names = {"layout.html", "home.html",  "institution.html", "listing.html", "district.html",
                                                 "guide_index.html", "article.html", "about.html", "accessibility.html",
                                                 "data.html", "not_found.html", "search.html", "statistics.html",
                                                 "methodology.html", "style.css", "site.js"};
  return names;
}

std::vector<PageJob> plan_site(const SiteInputs& inputs) {
  const model::SiteModel& site = inputs.site;
  const std::vector<Locale>& locales = inputs.locales;
  const Listings& listings = inputs.listings;
  const auto& schemas = inputs.schemas;
  const stats::Statistics& statistics = inputs.statistics;
  const auto& charts = inputs.charts;
  const auto& data_files = inputs.data_files;
  std::vector<PageJob> jobs;
  auto maker = std::make_shared<PageMaker>(site, locales);
  std::vector<std::string> sitemap_paths;
  jobs.push_back({"assets/style.css", [](TemplateSet& set) { return set.text("style.css"); }});
  jobs.push_back({"assets/site.js", [](TemplateSet& set) { return set.text("site.js"); }});
  for (const auto& locale : locales) {
    const Locale* l = &locale;
    // Pages outside the sitemap (the 404 page) have no canonical URL either: they answer any address.
    auto page = [&, l, maker](const std::string& path, std::function<std::pair<std::string, json>()> title_and_view, const std::string& template_name,
                              bool in_sitemap = true) {
      if (in_sitemap) sitemap_paths.push_back(l->prefix + path);
      jobs.push_back({l->prefix + path, [maker, l, path, title_and_view, template_name, in_sitemap](TemplateSet& set) {
                        auto [title, view] = title_and_view();
                        return maker->make(set, *l, path, title, template_name, std::move(view), in_sitemap);
                      }});
    };
    page("index.html", [&site, &listings, &statistics, l] {
           json view = home_view(site, listings);
           for (const char* name : {"operating_institutions", "places", "inclusive_share"}) {
             if (const auto* figure = statistics.site().find(name)) view[name] = figure_text(*figure, l->strings);
           }
           return std::make_pair(l->strings.value("home", "Home"), view);
         }, "home.html");
    for (const auto& district : listings.districts) {
      page("districts/" + district.code + ".html",
           [&district, &statistics, l] {
             json view = district_view(district, l->strings);
             view["statistics"] = district_statistics_view(statistics, district.code, l->strings);
             return std::make_pair(district.district ? district.district->name : district.code, view);
           },
           "district.html");
      for (const auto& street : district.streets) {
        for (std::size_t n = 1; n <= street.pages(); ++n) {
          page(street.page_path(n), [&street, &district, n, l] {
                 return std::make_pair(listing_title(street, &district, l->strings), listing_view(street, n, &district, l->strings));
               }, "listing.html");
        }
      }
    }
    std::vector<const Listing*> lists;
    for (const auto& type : listings.types) lists.push_back(&type);
    lists.push_back(&listings.inclusive);
    lists.push_back(&listings.closed);
    for (const Listing* list : lists) {
      for (std::size_t n = 1; n <= list->pages(); ++n) {
        page(list->page_path(n), [list, n, l] { return std::make_pair(listing_title(*list, nullptr, l->strings), listing_view(*list, n, nullptr, l->strings)); },
             "listing.html");
      }
    }
    page("search.html", [&site, &listings, l] { return std::make_pair(l->strings.value("search", "Search"), home_view(site, listings)); }, "search.html");
    page("guide/index.html", [&site, l] { return std::make_pair(l->strings.value("guide", "Guide"), guide_index_view(site, l->strings)); }, "guide_index.html");
    for (const auto& article : site.articles) {
      page("guide/" + article.slug + ".html", [&site, &article, l] { return std::make_pair(article.title, article_view(site, article, l->strings)); }, "article.html");
    }
    page("about.html", [&site, l] { return std::make_pair(l->strings.value("about", "About"), about_view(site)); }, "about.html");
    page("accessibility.html", [&site, l] { return std::make_pair(l->strings.value("accessibility", "Accessibility"), json::object()); }, "accessibility.html");
    page("data.html", [&schemas, &data_files, l] {
           return std::make_pair(l->strings.value("data_and_licence", "Data"), data_view(schemas, data_files, l->strings));
         }, "data.html");
    page("statistics.html", [&statistics, &charts, l] {
           return std::make_pair(l->strings.value("statistics", "Statistics"), statistics_view(statistics, charts, l->strings));
         }, "statistics.html");
    page("methodology.html", [&site, l] {
           return std::make_pair(l->strings.value("methodology", "Methodology"), methodology_view(site.config, l->strings));
         }, "methodology.html");
    page("404.html", [l] { return std::make_pair(l->strings.value("not_found_title", "Not found"), json::object()); }, "not_found.html", false);
    for (const auto& inst : site.institutions) {
      page(institution_url(inst.id), [&site, &inst, &listings, l] { return std::make_pair(inst.name, institution_view(site, inst, l->strings)); },
           "institution.html");
    }
  }
  if (!site.config.base_url.empty()) {
    jobs.push_back({"sitemap.xml", [&site, sitemap_paths](TemplateSet&) { return sitemap(site, sitemap_paths); }});
    jobs.push_back({"robots.txt", [&site](TemplateSet&) { return "User-agent: *\nAllow: /\nSitemap: " + site.config.base_url + "sitemap.xml\n"; }});
  } else {
    jobs.push_back({"robots.txt", [](TemplateSet&) { return std::string("User-agent: *\nAllow: /\n"); }});
  }
  return jobs;
}

}  // namespace tuoyu::render
