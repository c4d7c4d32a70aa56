#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/text.h"
#include "publish/staged_output.h"
#include "test_support.h"

using namespace tuoyu;
using publish::StagedOutput;
using Names = std::vector<std::string>;
using Tree = std::map<std::string, std::string>;

TEST_CASE("publish::StagedOutput::is_safe_relative_path refuses paths that could leave the output folder") {
  for (const std::string& path :
       {std::string(""), std::string("/x"), std::string("../x"), std::string("a/../b"), std::string("a/.."), std::string("a//b"),
        std::string("a\\b"), std::string("..\\x"), std::string("a/"), std::string("./a"), std::string("a/\nb"), std::string("a\tb"),
        std::string("a\x7f"), std::string("a") + '\0' + "b", std::string(".tuoyu-x"), std::string("a/.tuoyu-staging-1/b")}) {
    INFO("path " << core::quote_for_message(path));
    CHECK_FALSE(StagedOutput::is_safe_relative_path(path));
  }
}

TEST_CASE("publish::StagedOutput::is_safe_relative_path accepts ordinary relative paths") {
  for (const char* path : {"index.html", "institutions/sl-0001/index.html", "data/institutions.csv", ".well-known/security.txt",
                           "guide/睡眠/index.html", "a..b/c"}) {
    INFO("path " << path);
    CHECK(StagedOutput::is_safe_relative_path(path));
  }
}

TEST_CASE("publish::StagedOutput::commit creates the destination with every file written") {
  const test::TempDir temp;
  const auto site = temp.path() / "site";
  {
    StagedOutput output(site);
    output.write("index.html", "<h1>首页</h1>");
    output.write("institutions/sl-0001/index.html", "机构");
    CHECK(output.files_written() == 2);
    CHECK(output.bytes_written() == std::string("<h1>首页</h1>").size() + std::string("机构").size());
    CHECK_FALSE(std::filesystem::exists(site));  // nothing is visible before commit
    output.commit();
  }
  CHECK(test::snapshot(site) == Tree{{"index.html", "<h1>首页</h1>"}, {"institutions/sl-0001/index.html", "机构"}});
  CHECK(test::entry_names(temp.path()) == Names{"site"});
}

TEST_CASE("publish::StagedOutput::commit replaces the whole previous tree") {
  const test::TempDir temp;
  const auto site = temp.path() / "site";
  {
    StagedOutput first(site);
    first.write("index.html", "one");
    first.write("institutions/sl-0009/index.html", "removed later");
    first.commit();
  }
  {
    StagedOutput second(site);
    second.write("index.html", "two");
    second.write("institutions/sl-0001/index.html", "new");
    second.commit();
  }
  CHECK(test::snapshot(site) == Tree{{"index.html", "two"}, {"institutions/sl-0001/index.html", "new"}});
  CHECK_FALSE(std::filesystem::exists(site / "institutions" / "sl-0009"));
  CHECK(test::entry_names(temp.path()) == Names{"site"});  // no old tree or stage left beside it
}

TEST_CASE("publish::StagedOutput left uncommitted keeps the previous tree byte for byte and leaves no stage behind") {
  const test::TempDir temp;
  const auto site = temp.path() / "site";
  {
    StagedOutput first(site);
    first.write("index.html", "previous\r\n\xEF\xBB\xBF bytes");
    first.write("data/institutions.csv", "id\nsl-0001\n");
    first.commit();
  }
  const Tree before = test::snapshot(site);
  {
    StagedOutput failed(site);
    failed.write("index.html", "half-built");
    failed.write("new.html", "never published");
    CHECK(test::entry_names(temp.path()).size() == 2);  // the stage exists beside the site while building
  }  // destroyed without commit, as when a build stops on errors
  CHECK(test::snapshot(site) == before);
  CHECK(test::entry_names(temp.path()) == Names{"site"});
}

TEST_CASE("publish::StagedOutput::write throws for an unsafe path and writes nothing") {
  const test::TempDir temp;
  const auto site = temp.path() / "site";
  {
    StagedOutput output(site);
    for (const char* path : {"../escape.html", "/tmp/escape.html", "a/../../escape.html", "", "a//b"}) {
      INFO("path " << path);
      CHECK_THROWS_AS(output.write(path, "x"), std::runtime_error);
    }
    CHECK(output.files_written() == 0);
    CHECK(output.bytes_written() == 0);
    output.commit();
  }
  CHECK(test::snapshot(site).empty());
  CHECK(test::entry_names(temp.path()) == Names{"site"});
  CHECK_FALSE(std::filesystem::exists(temp.path().parent_path() / "escape.html"));
}

TEST_CASE("publish::StagedOutput removes a stage abandoned by a build that is gone") {
  const test::TempDir temp;
  const auto site = temp.path() / "site";
  // A process id above the kernel's limit never runs: the stage was left by a killed build.
  const auto abandoned = temp.path() / ".site.tuoyu-staging-999999999";
  test::write_file(abandoned / "index.html", "stale");
  {
    StagedOutput output(site);
    CHECK_FALSE(std::filesystem::exists(abandoned));
    output.write("index.html", "fresh");
    output.commit();
  }
  CHECK(test::entry_names(temp.path()) == Names{"site"});
}
