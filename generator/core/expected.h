#pragma once
#include <utility>
#include <variant>

namespace tuoyu::core {

/// Wraps an error value so that `Expected<T, E>` can be built from it unambiguously.
template <class E>
struct Unexpected {
  E error;
};

/// Builds an `Unexpected` for returning an error from a function that yields `Expected`.
template <class E>
Unexpected<std::decay_t<E>> unexpected(E&& error) {
  return {std::forward<E>(error)};
}

/// A value or the reason there is none (C++23 std::expected is not in GCC 12).
template <class T, class E>
class Expected {
 public:
  Expected(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  template <class G>
  Expected(Unexpected<G> failure) : state_(std::in_place_index<1>, std::move(failure.error)) {}  // NOLINT

  [[nodiscard]] bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }
  [[nodiscard]] T& value() { return std::get<0>(state_); }
  [[nodiscard]] const T& value() const { return std::get<0>(state_); }
  [[nodiscard]] E& error() { return std::get<1>(state_); }
  [[nodiscard]] const E& error() const { return std::get<1>(state_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, E> state_;
};

}  // namespace tuoyu::core
