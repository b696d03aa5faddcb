// QueryLines: a query's own headers and URL parameters as people type them, one a line ("Accept:
// application/json", "page=2"), in the Auth Login preview's Headers and Params tabs and the CLI's
// --header and --param. Values may hold {{ expressions }}; the query client fills them in.
#pragma once

#include "model/KeyValue.h"

#include <optional>

namespace AuthStudio::QueryLines {

// "Name: value" (spaces around either trimmed); false when no name comes before a colon.
bool parseHeader(const QString &line, KeyValue &header);
// "name=value", or "name" alone for an empty value; false when there is no name.
bool parseParameter(const QString &line, KeyValue &parameter);

enum class Kind { Headers, Parameters };

// Every line of `text` that isn't blank, in order. On a line that doesn't parse: nothing, and `error`
// says which line and what was expected ("line 2: expected Name: value").
std::optional<KeyValueList> parse(const QString &text, Kind kind, QString *error);

} // namespace AuthStudio::QueryLines
