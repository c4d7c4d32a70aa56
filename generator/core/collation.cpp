#include "core/collation.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>
#include <vector>

namespace tuoyu::core {
namespace {

/// ICU collators are not thread-safe for all calls; each thread keeps its own.
icu::Collator& collator() {
  thread_local std::unique_ptr<icu::Collator> instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> created(icu::Collator::createInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status) || !created) {
      status = U_ZERO_ERROR;
      created.reset(icu::Collator::createInstance(icu::Locale::getRoot(), status));
    }
    return created;
  }();
  return *instance;
}

}  // namespace

std::string pinyin_sort_key(std::string_view utf8) {
  const auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::vector<uint8_t> key(64);
  int32_t length = collator().getSortKey(text, key.data(), static_cast<int32_t>(key.size()));
  if (length > static_cast<int32_t>(key.size())) {
    key.resize(static_cast<std::size_t>(length));
    length = collator().getSortKey(text, key.data(), length);
  }
  // getSortKey ends with a NUL; drop it and append the text itself to break ties between equal keys.
  std::string out(reinterpret_cast<const char*>(key.data()), static_cast<std::size_t>(length > 0 ? length - 1 : 0));
  out += '\x01';
  out.append(utf8);
  return out;
}

}  // namespace tuoyu::core
