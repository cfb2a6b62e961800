// Turning one parsed JSON object into a RawDoc, for the JSON and JSON Lines
// readers.
#ifndef NEWSTRACE_INGEST_JSON_RECORD_H_
#define NEWSTRACE_INGEST_JSON_RECORD_H_

#include <simdjson.h>

#include <string>
#include <string_view>

#include "newstrace/document.h"
#include "newstrace/reader.h"

namespace newstrace::ingest {

// The text of a JSON value as a record field: a string as is; a number in
// its shortest decimal form (integral values without a fraction); a bool as
// "true"/"false"; null as ""; an array as its scalar items joined by
// `separator`; an object as its "$date" member (MongoDB export) or else "".
std::string JsonValueText(simdjson::dom::element value,
                          std::string_view separator = ", ");

// Fills *doc (but its id) from `object` per `fields` (see FieldMap and
// BuildRecordDocument). A published value that is a number, or an object
// {"$date": number}, is read as a Unix time in seconds or milliseconds and
// becomes "YYYY-MM-DD" (UTC); numbers outside 1970-2100 are dropped.
// A text or html value that is an array (of paragraphs) is joined by blank
// lines. Authors may be an array of strings (or of objects with a "name") or
// one string split by SplitAuthors. Returns false when the object has no
// non-blank text or html field.
bool JsonObjectToDocument(simdjson::dom::object object, const FieldMap& fields,
                          std::string_view default_label, RawDoc* doc);

}  // namespace newstrace::ingest

#endif  // NEWSTRACE_INGEST_JSON_RECORD_H_
