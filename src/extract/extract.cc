// Extract (extract.h): decode, detect the format, clean, label, identify the
// language.
#include "newstrace/extract.h"

#include <memory>

#include "base/strings.h"
#include "base/url.h"
#include "extract/html_document.h"
#include "extract/language.h"
#include "extract/main_content.h"
#include "extract/metadata.h"
#include "extract/text_blocks.h"
#include "newstrace/ingest.h"

namespace newstrace {

Result<Article> Extract(const RawDoc& doc, const ExtractOptions& options) {
  Format format =
      options.format != Format::kUnknown ? options.format : doc.format;
  DecodeOptions decode_options;
  decode_options.strict = options.strict;
  NT_ASSIGN_OR_RETURN(
      DecodedText decoded,
      DecodeToUtf8(doc.bytes, doc.charset, format, decode_options));
  if (format == Format::kUnknown) format = DetectFormat(decoded.text);

  Article article;
  article.id = doc.id;
  article.source = doc.source;
  article.format = format;
  article.diagnostics = std::move(decoded.diagnostics);
  std::string language_hint;

  if (format == Format::kHtml) {
    extract::HtmlParseOptions parse_options;
    parse_options.url = doc.source.url;
    NT_ASSIGN_OR_RETURN(
        std::unique_ptr<extract::HtmlDocument> html,
        extract::HtmlDocument::Parse(decoded.text, parse_options));
    extract::HtmlMetadata meta =
        extract::ExtractHtmlMetadata(*html, doc.source.url);
    extract::MainContentOptions mc;
    mc.max_depth = options.max_html_depth;
    extract::ExtractHtmlBlocks(*html, meta, mc, &article);
    article.title = meta.title;
    article.authors = meta.authors;
    article.published = meta.published;
    language_hint = meta.language;
    if (article.source.url.empty()) article.source.url = meta.url;
  } else {
    article.text = std::move(decoded.text);
    extract::ClassifyTextBlocks(extract::TextBlocksOptions(), &article);
  }

  if (article.source.domain.empty()) {
    article.source.domain = base::UrlDomain(article.source.url);
  }
  if (article.published.empty() && !doc.source.published.empty()) {
    article.published = doc.source.published;
  }
  if (options.detect_language) {
    // DetectLanguage reads at most the sample: copy no more of the body.
    const size_t cap = options.language_sample_bytes;
    std::string body;
    for (const Block& b : article.blocks) {
      if (!IsBodyKind(b.kind) || body.size() >= cap) continue;
      if (!body.empty()) body += "\n\n";
      body += article.SpanText(b.span);
    }
    article.language = extract::DetectLanguage(
        body.empty() ? std::string_view(article.text) : std::string_view(body),
        language_hint, cap);
  }
  return article;
}

}  // namespace newstrace
