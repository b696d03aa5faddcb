// JavaScriptSource: what the studio reads out of JavaScript source without a parser, with one small lexer
// that knows strings, template literals (and the code in their ${ }), comments, regular expression
// literals and brackets:
// - renameReferences(): the identifier rewriting behind ReferenceRenamer (see there for the rules);
// - isCodeAt(): whether a cursor position is in code rather than inside a literal or a comment, so the
//   script editor offers names only where they would be code.
// Whether "/" starts a regular expression and whether "{" opens an object are decided from the token
// before, as JavaScript tools without a full parser do.
#pragma once

#include <QString>

namespace AuthStudio::JavaScriptSource {

// A JavaScript step's code is a function body (statements); the inside of a {{ }} is one expression, where
// a leading "{" opens an object.
enum class Context { Statements, Expression };

// `code` with each root reference to the identifier `oldName` replaced by `newName`.
QString renameReferences(const QString &code, const QString &oldName, const QString &newName,
                         Context context);

// Whether a cursor at `position` (0 to code.size()) is in code: not inside a string, template literal
// text, a comment or a regular expression literal. The end of a line comment, and the end of the code in
// a literal left open, count as inside.
bool isCodeAt(const QString &code, qsizetype position, Context context);

} // namespace AuthStudio::JavaScriptSource
