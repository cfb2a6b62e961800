#include "extract/text_blocks.h"

#include "base/strings.h"

namespace newstrace::extract {

void ClassifyTextBlocks(const TextBlocksOptions& /*options*/,
                        Article* article) {
  const std::string& text = article->text;
  size_t pos = 0;
  bool first = true;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + pos, nl - pos);
    std::string_view t = base::Trim(line);
    if (!t.empty()) {
      size_t b = static_cast<size_t>(t.data() - text.data());
      Block block;
      block.span = {b, b + t.size()};
      block.kind = first ? BlockKind::kTitle : BlockKind::kParagraph;
      if (first) article->title = std::string(t);
      first = false;
      article->blocks.push_back(block);
    }
    pos = nl + 1;
  }
}

}  // namespace newstrace::extract
