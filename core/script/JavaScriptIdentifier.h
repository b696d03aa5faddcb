// JavaScriptIdentifier: which characters start and continue a JavaScript identifier, for the code that
// reads names out of expressions and scripts (templates, the script engine's name analysis, reference
// renaming, the editor's highlighter). Letters in the Unicode sense, `_` and `$`; digits only after the
// first character.
#pragma once

#include <QChar>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace AuthStudio::JavaScriptIdentifier {

inline bool isStart(QChar c)
{
    return c.isLetter() || c == u'_' || c == u'$';
}

inline bool isPart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

// Whether code can reach the global object without naming a global: `globalThis`, `this`, `eval` or
// `Function` (`Function('return this')()`). The script engine then installs, and checks, every scope
// value; the runner counts all of them as what a script converts. From the text, strings and comments
// included, which only errs towards more.
inline bool reachesGlobalsDynamically(QStringView code)
{
    return code.contains(QLatin1String("globalThis")) || code.contains(QLatin1String("this")) ||
        code.contains(QLatin1String("eval")) || code.contains(QLatin1String("Function"));
}

// JavaScript's reserved words in strict code (`new`, `class`, `let`, ...) and the globals that can't be
// replaced (`undefined`, `NaN`, `Infinity`): a step or variable of such a name could never be read by
// name (`{{ new.token }}` is a syntax error).
bool isReservedWord(const QString &name);

// The globals the script engine adds to ECMAScript's (the auth library, base64 and the console).
inline constexpr const char *EngineGlobals[] = {"auth", "btoa", "atob", "console"};

// ECMAScript's global objects and functions (JSON, Math, Date, parseInt, ...) and the script engine's own
// (auth, btoa, atob, console): a step of such a name hides them from the scripts after it.
bool isBuiltinGlobal(const QString &name);

// What the engine's own objects hold, for the editors to offer after "auth." and "console.": the auth
// library's functions and console's methods; empty for any other name.
QStringList engineGlobalMembers(const QString &name);

} // namespace AuthStudio::JavaScriptIdentifier
