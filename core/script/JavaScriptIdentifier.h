// JavaScriptIdentifier: which characters start and continue a JavaScript identifier, for the code that
// reads names out of expressions and scripts (templates, the script engine's name analysis, reference
// renaming, the editor's highlighter). Letters in the Unicode sense, `_` and `$`; digits only after the
// first character.
#pragma once

#include <QChar>

namespace AuthStudio::JavaScriptIdentifier {

inline bool isStart(QChar c)
{
    return c.isLetter() || c == u'_' || c == u'$';
}

inline bool isPart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

} // namespace AuthStudio::JavaScriptIdentifier
