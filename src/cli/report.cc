// The readable report: metadata, then the article in order with the body
// plain and every boilerplate block marked with its kind, then a summary.
#include <map>
#include <string>

#include "cli/commands.h"

namespace newstrace::cli {
namespace {

constexpr size_t kWidth = 80;

// Word-wraps `text` at kWidth code points, each line prefixed by `indent`.
std::string Wrap(std::string_view text, const std::string& indent) {
  std::string out;
  size_t col = 0;
  size_t i = 0;
  auto cp_len = [](std::string_view s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
  };
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n') ++j;
    if (j == i) break;
    std::string_view word = text.substr(i, j - i);
    size_t w = cp_len(word);
    if (col == 0) {
      out += indent;
      col = cp_len(indent);
    } else if (col + 1 + w > kWidth) {
      out += '\n';
      out += indent;
      col = cp_len(indent);
    } else {
      out += ' ';
      ++col;
    }
    out += word;
    col += w;
    i = j;
  }
  return out;
}

}  // namespace

std::string RenderReport(const Record& record, bool color) {
  const Article& a = record.article;
  const std::string bold = color ? "\033[1m" : "";
  const std::string dim = color ? "\033[2m" : "";
  const std::string reset = color ? "\033[0m" : "";
  std::string out;
  out += bold + "== " + (a.id.empty() ? std::string("<article>") : a.id) +
         " ==" + reset + "\n";
  auto field = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    out += std::string(name) + value + "\n";
  };
  field("Title:     ", a.title);
  std::string authors;
  for (const std::string& s : a.authors) {
    if (!authors.empty()) authors += "; ";
    authors += s;
  }
  field("Authors:   ", authors);
  field("Published: ", a.published);
  field("URL:       ", a.source.url);
  field("Language:  ", a.language);
  field("Format:    ", std::string(FormatName(a.format)));
  out += "\n";

  std::map<std::string, int> counts;
  size_t body_words = 0;
  for (const Block& b : a.blocks) {
    std::string_view text = a.SpanText(b.span);
    std::string kind(BlockKindName(b.kind));
    ++counts[kind];
    if (IsBodyKind(b.kind)) {
      for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != ' ' && (i == 0 || text[i - 1] == ' ')) ++body_words;
      }
      if (b.kind == BlockKind::kHeading) {
        out += bold + Wrap(text, "  ") + reset + "\n\n";
      } else {
        out += Wrap(text, "  ") + "\n\n";
      }
    } else if (b.kind == BlockKind::kTitle) {
      continue;  // shown above
    } else if (b.kind == BlockKind::kCredit) {
      continue;  // shown with its caption
    } else {
      std::string label = "[" + kind + "] ";
      std::string line = Wrap(text, "    ");
      if (line.size() >= 4) line = line.substr(4);
      out += dim + "  " + label + line;
      if (!b.credit.empty()) out += "  (credit: " + b.credit + ")";
      out += reset + "\n\n";
    }
  }
  out += "Summary:   " + std::to_string(counts["paragraph"]) +
         " paragraph(s), " + std::to_string(body_words) + " body words";
  std::string boiler;
  for (const auto& [kind, n] : counts) {
    if (kind == "paragraph" || kind == "heading" || kind == "title") continue;
    if (!boiler.empty()) boiler += ", ";
    boiler += std::to_string(n) + " " + kind;
  }
  if (!boiler.empty()) out += "; marked: " + boiler;
  out += "\n";
  for (const Diagnostic& d : a.diagnostics) {
    out += "Note:      " + d.code + ": " + d.message + "\n";
  }
  return out;
}

}  // namespace newstrace::cli
