#include "extract/main_content.h"

#include "base/strings.h"

namespace newstrace::extract {

void ExtractHtmlBlocks(const HtmlDocument& doc, const HtmlMetadata& meta,
                       const MainContentOptions& /*options*/,
                       Article* article) {
  // First slice: every <p> is a paragraph.
  (void)meta;
  for (xmlNodePtr n = doc.root(); n != nullptr;) {
    if (NodeName(n) == "p") {
      std::string t = base::CollapseWhitespace(NodeText(n));
      if (!t.empty()) {
        if (!article->text.empty()) article->text += "\n\n";
        size_t b = article->text.size();
        article->text += t;
        article->blocks.push_back(
            {BlockKind::kParagraph, {b, article->text.size()}, ""});
      }
    } else if (n->children && n->type == XML_ELEMENT_NODE) {
      n = n->children;
      continue;
    }
    while (n != nullptr && n->next == nullptr) n = n->parent;
    if (n != nullptr) n = n->next;
  }
}

}  // namespace newstrace::extract
