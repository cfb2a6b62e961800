#include "extract/metadata.h"

#include "base/strings.h"

namespace newstrace::extract {

HtmlMetadata ExtractHtmlMetadata(const HtmlDocument& doc) {
  HtmlMetadata meta;
  xmlNodePtr root = doc.root();
  // Minimal first slice: <title>.
  for (xmlNodePtr n = root; n != nullptr;) {
    if (NodeName(n) == "title") {
      meta.title = base::CollapseWhitespace(NodeText(n));
      break;
    }
    if (n->children && n->type == XML_ELEMENT_NODE) {
      n = n->children;
      continue;
    }
    while (n != nullptr && n->next == nullptr) n = n->parent;
    if (n != nullptr) n = n->next;
  }
  return meta;
}

}  // namespace newstrace::extract
