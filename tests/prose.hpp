// Filler text shared by the layout and end-to-end tests.
#pragma once

#include <string>

namespace test_text {

/// Ordinary legal prose of `words` words, each carrying `tag` and its number, so that every
/// word is distinct and a test can tell whose line a line is. No word of the pool contains
/// "zz", "qq" or "hh".
inline std::string prose(int words, const std::string& tag = "w") {
  static const char* const pool[] = {"the",        "Court",   "has",         "jurisdiction",
                                     "under",      "section", "provider",    "aggregate",
                                     "disclosure", "of",      "orders",      "directives",
                                     "Government", "motion",  "declaratory", "judgment"};
  std::string text;
  for (int i = 0; i < words; ++i) {
    if (i) text += ' ';
    text += pool[i % 16];
    text += tag + std::to_string(i);
  }
  return text;
}

}  // namespace test_text
