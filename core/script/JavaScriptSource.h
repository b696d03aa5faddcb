// JavaScriptSource: what the studio reads out of JavaScript source without a parser, with one small lexer
// that knows strings, template literals (and the code in their ${ }), comments, regular expression
// literals and brackets:
// - renameReferences(): the identifier rewriting behind ReferenceRenamer (see there for the rules);
// - rootReferences(): where code refers to some names, for the script editor to flag names it can't use;
// - isCodeAt(): whether a cursor position is in code rather than inside a literal or a comment, so the
//   script editor offers names only where they would be code.
// Whether "/" starts a regular expression and whether "{" opens an object are decided from the token
// before, as JavaScript tools without a full parser do.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace AuthStudio::JavaScriptSource {

// A JavaScript step's code is a function body (statements); the inside of a {{ }} is one expression, where
// a leading "{" opens an object.
enum class Context { Statements, Expression };

// `code` with each root reference to the identifier `oldName` replaced by `newName`.
QString renameReferences(const QString &code, const QString &oldName, const QString &newName,
                         Context context);

struct Range
{
    qsizetype start = 0;
    qsizetype length = 0;
    bool operator==(const Range &) const = default;
};

// `code` with each member `oldMember` of a root reference to `root` (root.email, root?.email,
// root["email"]) renamed `newMember`: a form field's key renamed.
QString renameMember(const QString &code, const QString &root, const QString &oldMember,
                     const QString &newMember, Context context);

// Where `code` refers to one of `names` at root position (as renameReferences() reads references), in
// order. Left out, so that no script is faulted for its own names: every use of a name the code declares
// itself (const, let or var, function, class, a parameter of a function, an arrow function or a catch
// clause), and `typeof name`, which doesn't fail on a missing global. Not seen as declarations: names in
// destructuring patterns and the parameters of methods.
QList<Range> rootReferences(const QString &code, const QStringList &names, Context context);

// Whether a cursor at `position` (0 to code.size()) is in code: not inside a string, template literal
// text, a comment or a regular expression literal. The end of a line comment, and the end of the code in
// a literal left open, count as inside.
bool isCodeAt(const QString &code, qsizetype position, Context context);

} // namespace AuthStudio::JavaScriptSource
