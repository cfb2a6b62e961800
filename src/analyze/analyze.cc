// AnalyzeArticle: quotes, entities, figures and signals of one article.
#include "newstrace/analyze.h"

#include "analyze/entities.h"
#include "analyze/figures.h"
#include "analyze/quotes.h"
#include "analyze/signals.h"
#include "analyze/tokens.h"

namespace newstrace {
namespace {

void FindQuotesAndEntities(const AnalysisOptions& options,
                           std::vector<analyze::Paragraph> paras,
                           Record* record) {
  analyze::TextView view =
      analyze::Tokenize(record->article.text, std::move(paras));
  analyze::EntityIndex entities;
  if (options.entities) entities = analyze::FindEntities(view);
  if (options.quotes) {
    std::vector<analyze::QuoteMarks> marks = analyze::FindQuoteMarks(view);
    record->quotes = analyze::AttributeQuotes(
        view, marks, options.entities ? &entities : nullptr);
  }
  if (options.entities) record->entities = std::move(entities.entities);
}

}  // namespace

void AnalyzeArticle(const AnalysisOptions& options, Record* record) {
  record->quotes.clear();
  record->entities.clear();
  record->figures.clear();
  record->signals.clear();
  const Article& a = record->article;
  std::vector<analyze::Paragraph> paras = analyze::AnalyzedParagraphs(a);
  if (options.figures) {
    std::vector<Span> ranges;
    ranges.reserve(paras.size());
    for (const analyze::Paragraph& p : paras) ranges.push_back(p.span);
    analyze::FindFigures(a.text, ranges, &record->figures);
  }
  if (options.quotes || options.entities) {
    FindQuotesAndEntities(options, std::move(paras), record);
  }
  // After the quotes: the attribution signals read them.
  if (options.signals) analyze::ComputeSignals(options.quotes, record);
}

}  // namespace newstrace
