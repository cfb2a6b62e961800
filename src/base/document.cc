#include "newstrace/document.h"

#include <array>

namespace newstrace {
namespace {

struct KindName {
  BlockKind kind;
  std::string_view name;
};

constexpr std::array<KindName, 13> kKindNames = {{
    {BlockKind::kTitle, "title"},
    {BlockKind::kByline, "byline"},
    {BlockKind::kDateline, "dateline"},
    {BlockKind::kParagraph, "paragraph"},
    {BlockKind::kHeading, "heading"},
    {BlockKind::kCaption, "caption"},
    {BlockKind::kCredit, "credit"},
    {BlockKind::kTagLine, "tag_line"},
    {BlockKind::kRelatedLink, "related_link"},
    {BlockKind::kNavigation, "navigation"},
    {BlockKind::kAdvertisement, "advertisement"},
    {BlockKind::kComment, "comment"},
    {BlockKind::kOther, "other"},
}};

}  // namespace

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kText:
      return "text";
    case Format::kHtml:
      return "html";
    case Format::kUnknown:
      break;
  }
  return "unknown";
}

std::string_view BlockKindName(BlockKind kind) {
  for (const auto& k : kKindNames) {
    if (k.kind == kind) return k.name;
  }
  return "other";
}

std::optional<BlockKind> BlockKindFromName(std::string_view name) {
  for (const auto& k : kKindNames) {
    if (k.name == name) return k.kind;
  }
  return std::nullopt;
}

bool IsBodyKind(BlockKind kind) {
  return kind == BlockKind::kParagraph || kind == BlockKind::kHeading;
}

std::string_view QuoteKindName(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::kFull:
      return "full";
    case QuoteKind::kPartial:
      return "partial";
    case QuoteKind::kScare:
      return "scare";
  }
  return "full";
}

std::string_view RefViaName(RefVia via) {
  switch (via) {
    case RefVia::kName:
      return "name";
    case RefVia::kPronoun:
      return "pronoun";
    case RefVia::kRole:
      return "role";
    case RefVia::kContinuation:
      return "continuation";
  }
  return "name";
}

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "person";
    case EntityType::kOrganization:
      return "organization";
    case EntityType::kPlace:
      return "place";
  }
  return "person";
}

std::string_view FigureKindName(FigureKind kind) {
  return kind == FigureKind::kDate ? "date" : "number";
}

std::string Article::BodyText() const {
  std::string out;
  for (const Block& b : blocks) {
    if (!IsBodyKind(b.kind)) continue;
    if (!out.empty()) out += "\n\n";
    out += SpanText(b.span);
  }
  return out;
}

}  // namespace newstrace
