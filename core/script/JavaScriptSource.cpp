#include "JavaScriptSource.h"

#include "JavaScriptIdentifier.h"

#include <QList>
#include <QStringList>

#include <algorithm>
#include <utility>

namespace AuthStudio::JavaScriptSource {

namespace {

// Words after which "/" starts a regular expression rather than a division.
bool isKeywordBeforeExpression(const QString &word)
{
    static const QStringList keywords {
        QStringLiteral("return"), QStringLiteral("typeof"),    QStringLiteral("case"),
        QStringLiteral("do"),     QStringLiteral("else"),      QStringLiteral("in"),
        QStringLiteral("of"),     QStringLiteral("new"),       QStringLiteral("delete"),
        QStringLiteral("void"),   QStringLiteral("throw"),     QStringLiteral("yield"),
        QStringLiteral("await"),  QStringLiteral("instanceof")};
    return keywords.contains(word);
}

// Words after which "{" opens an object literal or a destructuring pattern rather than a block.
bool isWordBeforeObject(const QString &word)
{
    static const QStringList words {QStringLiteral("const"), QStringLiteral("let"), QStringLiteral("var")};
    return (isKeywordBeforeExpression(word) && word != QStringLiteral("do") &&
            word != QStringLiteral("else")) ||
        words.contains(word);
}

// A small JavaScript lexer: just enough to tell identifiers in code from the same letters in strings,
// template literal text, comments and regular expression literals, to see the token before and the
// character after each identifier, and to tell an object literal's braces from a block's.
class ScriptRewriter
{
public:
    ScriptRewriter(const QString &code, const QString &oldName, const QString &newName, Context context)
        : m_code(code)
        , m_oldName(oldName)
        , m_newName(newName)
        , m_context(context)
    { }

    QString run()
    {
        m_out.reserve(m_code.size() + 16);
        while (m_pos < m_code.size()) {
            if (m_inTemplateText)
                templateText();
            else
                token();
        }
        return m_out;
    }

    // Lexes the whole code and returns the root references to `names` (see rootReferences()).
    QList<Range> references(const QStringList &names)
    {
        m_findNames = &names;
        run();
        m_found.removeIf([this](const Range &range) {
            return m_declared.contains(m_code.mid(range.start, range.length));
        });
        return m_found;
    }

    // Lexes up to `position` and tells whether a cursor there is in code: not inside a string, template
    // literal text, a comment or a regular expression literal.
    bool isCodeAt(qsizetype position)
    {
        m_recordLiterals = true;
        while (m_pos < m_code.size() && m_pos <= position) {
            if (m_inTemplateText)
                templateText();
            else
                token();
        }
        if (m_inTemplateText && m_pos <= position)
            return false; // right after the opening "`" or a "${ }" at the end
        return std::none_of(
            m_literalInsides.cbegin(), m_literalInsides.cend(),
            [position](const auto &range) { return range.first <= position && position < range.second; });
    }

private:
    QChar at(qsizetype i) const { return i < m_code.size() ? m_code.at(i) : QChar(); }

    void copyTo(qsizetype end)
    {
        end = qMin(end, m_code.size());
        m_out += QStringView(m_code).mid(m_pos, end - m_pos);
        m_pos = end;
    }

    // The cursor positions inside a literal or comment: from `first` up to, not including, `end`. One
    // that runs to the end of the code unclosed also holds the position at the very end.
    void recordLiteral(qsizetype first, qsizetype end, bool closed)
    {
        if (m_recordLiterals)
            m_literalInsides.append({first, end == m_code.size() && !closed ? end + 1 : end});
    }

    // The previous token lets "/" be a division after a value and a regular expression elsewhere.
    bool regexAllowed() const
    {
        if (m_previous.isEmpty())
            return true;
        if (m_previousWasWord)
            return isKeywordBeforeExpression(m_previous);
        static const QString valueEnds = QStringLiteral(")]}");
        return !m_previousWasValue && !valueEnds.contains(m_previous.back());
    }

    void setPrevious(const QString &token, bool word, bool value)
    {
        m_previous = token;
        m_previousWasWord = word;
        m_previousWasValue = value;
    }

    qsizetype skipQuoted(qsizetype from, QChar quote) const
    {
        qsizetype i = from + 1;
        while (i < m_code.size()) {
            const QChar c = m_code.at(i);
            if (c == u'\\')
                i += 2;
            else if (c == quote || c == u'\n')
                return i + 1; // an unterminated string ends at the line's end, as the engine reports it
            else
                ++i;
        }
        return m_code.size();
    }

    qsizetype skipRegex(qsizetype from) const
    {
        qsizetype i = from + 1;
        bool inClass = false;
        while (i < m_code.size()) {
            const QChar c = m_code.at(i);
            if (c == u'\\') {
                i += 2;
                continue;
            }
            if (c == u'\n')
                return i;
            if (c == u'[')
                inClass = true;
            else if (c == u']')
                inClass = false;
            else if (c == u'/' && !inClass) {
                ++i;
                while (i < m_code.size() && JavaScriptIdentifier::isPart(m_code.at(i)))
                    ++i; // flags
                return i;
            }
            ++i;
        }
        return i;
    }

    // Template literal text up to its end or the next "${".
    void templateText()
    {
        qsizetype i = m_pos;
        while (i < m_code.size()) {
            const QChar c = m_code.at(i);
            if (c == u'\\') {
                i += 2;
            } else if (c == u'`') {
                recordLiteral(m_pos, i + 1, true);
                copyTo(i + 1);
                m_inTemplateText = false;
                setPrevious(QStringLiteral("`"), false, true);
                return;
            } else if (c == u'$' && at(i + 1) == u'{') {
                recordLiteral(m_pos, i + 1, true);
                copyTo(i + 2);
                m_inTemplateText = false;
                m_templateDepths.append(m_braceDepth);
                ++m_braceDepth;
                m_brackets.append(u'$');
                m_openConditionals.append(0);
                setPrevious(QStringLiteral("{"), false, false);
                return;
            } else {
                ++i;
            }
        }
        recordLiteral(m_pos, m_code.size(), false);
        copyTo(i);
    }

    void token()
    {
        const QChar c = m_code.at(m_pos);
        if (c.isSpace()) {
            copyTo(m_pos + 1);
        } else if (c == u'/' && at(m_pos + 1) == u'/') {
            const qsizetype lineEnd = m_code.indexOf(u'\n', m_pos);
            const qsizetype end = lineEnd < 0 ? m_code.size() : lineEnd;
            recordLiteral(m_pos + 1, end + 1, true); // the line's end is still in the comment
            copyTo(end);
        } else if (c == u'/' && at(m_pos + 1) == u'*') {
            const qsizetype close = m_code.indexOf(QStringLiteral("*/"), m_pos + 2);
            const qsizetype end = close < 0 ? m_code.size() : close + 2;
            recordLiteral(m_pos + 1, end, close >= 0);
            copyTo(end);
        } else if (c == u'"' || c == u'\'') {
            const qsizetype end = skipQuoted(m_pos, c);
            recordLiteral(m_pos + 1, end, end - 1 > m_pos && m_code.at(end - 1) == c);
            copyTo(end);
            setPrevious(QString(c), false, true);
        } else if (c == u'`') {
            copyTo(m_pos + 1);
            m_inTemplateText = true;
        } else if (c == u'/' && regexAllowed()) {
            const qsizetype end = skipRegex(m_pos);
            recordLiteral(m_pos + 1, end, end < m_code.size());
            copyTo(end);
            setPrevious(QStringLiteral("/"), false, true);
        } else if (c.isDigit()) {
            qsizetype end = m_pos + 1;
            while (end < m_code.size() &&
                   (JavaScriptIdentifier::isPart(m_code.at(end)) || m_code.at(end) == u'.'))
                ++end;
            copyTo(end);
            setPrevious(QStringLiteral("0"), false, true);
        } else if (JavaScriptIdentifier::isStart(c)) {
            identifier();
        } else {
            punctuation(c);
        }
    }

    void identifier()
    {
        qsizetype end = m_pos + 1;
        while (end < m_code.size() && JavaScriptIdentifier::isPart(m_code.at(end)))
            ++end;
        const QString word = m_code.mid(m_pos, end - m_pos);
        if (word == QStringLiteral("class") && !isPropertyName()) {
            m_classPending = true; // its body is the next "{" at this bracket depth
            m_classDepth = m_brackets.size();
        }
        if (m_findNames) {
            if (m_findNames->contains(word))
                findReference(word, end);
            // function f(...), function (...) and function* f(...): the brackets hold parameters.
            m_functionPending = word == QStringLiteral("function") ||
                (m_functionPending &&
                 (m_previous == QStringLiteral("function") || m_previous == QStringLiteral("*")));
        }
        if (word == m_oldName && isRootReference(end)) {
            // { http1 } means { http1: http1 }: keep the key, rename the value. In a destructuring
            // pattern ({ http1 } = x) this keeps the property read and renames the local, whose other
            // uses are root references and are renamed with it.
            if (isShorthandProperty(end))
                m_out += m_oldName + QStringLiteral(": ");
            m_out += m_newName;
            m_pos = end;
        } else {
            copyTo(end);
        }
        setPrevious(word, true, false);
    }

    void findReference(const QString &word, qsizetype end)
    {
        qsizetype next = end;
        while (next < m_code.size() && m_code.at(next).isSpace())
            ++next;
        static const QStringList declarators {QStringLiteral("const"), QStringLiteral("let"),
                                              QStringLiteral("var"), QStringLiteral("function"),
                                              QStringLiteral("class")};
        const bool declared = (m_previousWasWord && declarators.contains(m_previous)) ||
            (at(next) == u'=' && at(next + 1) == u'>');
        // A name first in a parenthesis or after a comma there may be a parameter: known at the ")".
        const bool parameterPlace = !m_parameterLists.isEmpty() && !m_brackets.isEmpty() &&
            m_brackets.last() == u'(' &&
            (m_previous == QStringLiteral("(") || m_previous == QStringLiteral(",") ||
             m_previous == QStringLiteral("..."));
        if (parameterPlace)
            m_parameterLists.last().names.append(word);
        if (declared)
            m_declared.append(word);
        else if (!(m_previousWasWord && m_previous == QStringLiteral("typeof")) && isRootReference(end))
            m_found.append({m_pos, end - m_pos});
    }

    bool isPropertyName() const
    {
        return m_previous == QStringLiteral(".") || m_previous == QStringLiteral("?.");
    }

    bool isRootReference(qsizetype end) const
    {
        // foo.http1 and foo?.http1 are properties; ...http1 (spread) is a reference.
        if (isPropertyName())
            return false;
        qsizetype next = end;
        while (next < m_code.size() && m_code.at(next).isSpace())
            ++next;
        const QChar innermost = m_brackets.isEmpty() ? QChar() : m_brackets.last();
        const bool memberStart = m_previous == QStringLiteral("{") || m_previous == QStringLiteral(",") ||
            (m_previousWasWord &&
             (m_previous == QStringLiteral("get") || m_previous == QStringLiteral("set") ||
              m_previous == QStringLiteral("async") || m_previous == QStringLiteral("static"))) ||
            m_previous == QStringLiteral("*");
        // { http1: 1 } and { a: 1, http1: 2 } name keys, not the step; so do { http1() {} } and
        // { get http1() {} }, methods of an object.
        if ((m_previous == QStringLiteral("{") || m_previous == QStringLiteral(",")) && at(next) == u':' &&
            at(next + 1) != u':')
            return false;
        if (innermost == ObjectBrace && memberStart && at(next) == u'(')
            return false;
        // In a class body, a name at the start of a member is the field's or method's name
        // (class A { http1 = 1; http1() {} static http1 }).
        if (innermost == ClassBrace &&
            (memberStart || m_previous == QStringLiteral(";") || m_previous == QStringLiteral("}")))
            return false;
        return true;
    }

    // A name alone between "{" or "," and ",", "}" or a default value's "=", directly inside an object
    // literal's braces (not a block's: { a, http1 } as a statement is a comma expression).
    bool isShorthandProperty(qsizetype end) const
    {
        if (m_brackets.isEmpty() || m_brackets.last() != ObjectBrace)
            return false;
        if (m_previous != QStringLiteral("{") && m_previous != QStringLiteral(","))
            return false;
        qsizetype next = end;
        while (next < m_code.size() && m_code.at(next).isSpace())
            ++next;
        const QChar after = at(next);
        if (after == u'=')
            return at(next + 1) != u'=' && at(next + 1) != u'>';
        return after == u',' || after == u'}';
    }

    void punctuation(QChar c)
    {
        if (c == u'.' && at(m_pos + 1) == u'.' && at(m_pos + 2) == u'.') {
            copyTo(m_pos + 3);
            setPrevious(QStringLiteral("..."), false, false);
            return;
        }
        if (c == u'?' && at(m_pos + 1) == u'.' && !at(m_pos + 2).isDigit()) {
            copyTo(m_pos + 2);
            setPrevious(QStringLiteral("?."), false, false);
            return;
        }
        if (c == u'=' && at(m_pos + 1) == u'>') {
            copyTo(m_pos + 2);
            setPrevious(QStringLiteral("=>"), false, false);
            return;
        }
        if (c == u'?' && at(m_pos + 1) == u'?') { // ?? and ??= are no conditional
            copyTo(m_pos + (at(m_pos + 2) == u'=' ? 3 : 2));
            setPrevious(QStringLiteral("??"), false, false);
            return;
        }
        if (c == u'?') {
            ++m_openConditionals.last();
        } else if (c == u':') {
            // What a "{" after it opens: the else-value of a conditional and a key's value are objects;
            // after a label or "case x:", a block.
            if (m_openConditionals.last() > 0) {
                --m_openConditionals.last();
                m_colonBeforeObject = true;
            } else {
                m_colonBeforeObject = m_brackets.isEmpty()
                    ? m_context == Context::Expression
                    : m_brackets.last() != BlockBrace && m_brackets.last() != ClassBrace;
            }
        }
        if (m_findNames)
            trackParameters(c);
        if (c == u'{') {
            const bool classBody = m_classPending && m_brackets.size() == m_classDepth;
            m_brackets.append(classBody ? ClassBrace : opensObject() ? ObjectBrace : BlockBrace);
            m_classPending = m_classPending && !classBody;
            m_openConditionals.append(0);
        } else if (c == u'(' || c == u'[') {
            m_brackets.append(c);
            m_openConditionals.append(0);
        } else if ((c == u'}' || c == u')' || c == u']') && !m_brackets.isEmpty()) {
            m_brackets.removeLast();
            m_openConditionals.removeLast();
        }
        if (c == u'{') {
            ++m_braceDepth;
        } else if (c == u'}') {
            --m_braceDepth;
            if (!m_templateDepths.isEmpty() && m_braceDepth == m_templateDepths.last()) {
                // The end of a ${ } inside a template literal: its text goes on.
                m_templateDepths.removeLast();
                copyTo(m_pos + 1);
                m_inTemplateText = true;
                return;
            }
        }
        copyTo(m_pos + 1);
        setPrevious(QString(c), false, false);
    }

    // For references(): the names a parenthesis declares as parameters, those of a function or a catch
    // clause, or of an arrow function (known from the "=>" after its ")").
    void trackParameters(QChar c)
    {
        if (c == u'(') {
            const bool catchClause = m_previousWasWord && m_previous == QStringLiteral("catch");
            m_parameterLists.append(ParameterList {m_functionPending || catchClause, {}});
        } else if (c == u')' && !m_brackets.isEmpty() && m_brackets.last() == u'(' &&
                   !m_parameterLists.isEmpty()) {
            const ParameterList list = m_parameterLists.takeLast();
            qsizetype next = m_pos + 1;
            while (next < m_code.size() && m_code.at(next).isSpace())
                ++next;
            if (list.declared || (at(next) == u'=' && at(next + 1) == u'>'))
                m_declared += list.names;
        }
        if (c != u'*') // function* f(): a generator
            m_functionPending = false;
    }

    // Whether a "{" here opens an object literal (or a destructuring pattern), from the token before it, as
    // JavaScript tools without a full parser decide: after a value, ")", "=>", ";", "}" or "else" it is
    // a block.
    bool opensObject() const
    {
        if (m_previous.isEmpty())
            return m_context == Context::Expression;
        if (m_previousWasWord)
            return isWordBeforeObject(m_previous);
        if (m_previousWasValue)
            return false;
        if (m_previous == QStringLiteral("{"))
            return !m_brackets.isEmpty() && m_brackets.last() == u'$'; // `${ {a: 1}.a }`
        if (m_previous == QStringLiteral(":"))
            return m_colonBeforeObject;
        static const QStringList beforeBlock {QStringLiteral(")"), QStringLiteral("=>"), QStringLiteral(";"),
                                              QStringLiteral("}")};
        return !beforeBlock.contains(m_previous);
    }

    static constexpr QChar ObjectBrace = u'{';
    static constexpr QChar BlockBrace = u'B';
    static constexpr QChar ClassBrace = u'C';

    const QString &m_code;
    const QString &m_oldName;
    const QString &m_newName;
    const Context m_context;
    QString m_out;
    qsizetype m_pos = 0;
    QString m_previous; // the previous token: a word, or punctuation
    bool m_previousWasWord = false;
    bool m_previousWasValue = false; // a string, number or regular expression literal
    bool m_inTemplateText = false;
    int m_braceDepth = 0;
    QList<int> m_templateDepths; // brace depths at which open ${ } parts close
    QList<QChar> m_brackets; // the open brackets: ObjectBrace, BlockBrace, ClassBrace, '(', '[', '$' for ${
    QList<int> m_openConditionals {0}; // "?" waiting for their ":", outside any bracket, then per bracket
    bool m_colonBeforeObject = false; // whether a "{" right after the last ":" opens an object
    bool m_classPending = false; // "class" seen, its body not opened yet
    qsizetype m_classDepth = 0; // m_brackets' size where it was seen
    const QStringList *m_findNames = nullptr; // references() only, as are the members below
    QList<Range> m_found;
    QStringList m_declared;
    struct ParameterList
    {
        bool declared = false; // a function's or a catch clause's, known from the words before "("
        QStringList names; // of those looked for, the ones at a parameter's place
    };
    QList<ParameterList> m_parameterLists; // one for each open "("
    bool m_functionPending = false; // "function" seen, its "(" not yet
    bool m_recordLiterals = false; // isCodeAt() only
    QList<std::pair<qsizetype, qsizetype>> m_literalInsides; // see recordLiteral()
};

} // namespace

QString renameReferences(const QString &code, const QString &oldName, const QString &newName, Context context)
{
    // Code that doesn't mention the old name is returned as it is, without lexing it.
    return code.contains(oldName) ? ScriptRewriter(code, oldName, newName, context).run() : code;
}

QList<Range> rootReferences(const QString &code, const QStringList &names, Context context)
{
    // Most scripts mention none of the names: they needn't be lexed.
    if (std::none_of(names.cbegin(), names.cend(),
                     [&code](const QString &name) { return code.contains(name); }))
        return {};
    const QString none; // nothing to rename: the rewriter only lexes
    return ScriptRewriter(code, none, none, context).references(names);
}

QString renameMember(const QString &code, const QString &root, const QString &oldMember,
                     const QString &newMember, Context context)
{
    if (!code.contains(oldMember))
        return code;
    const auto skipSpaces = [&code](qsizetype at) {
        while (at < code.size() && code.at(at).isSpace())
            ++at;
        return at;
    };
    // Where each old member name starts after a root reference: root.member, root?.member,
    // root["member"], root?.['member'].
    QList<qsizetype> starts;
    for (const Range &reference : rootReferences(code, {root}, context)) {
        qsizetype at = skipSpaces(reference.start + reference.length);
        const bool optional = code.mid(at, 2) == QLatin1String("?.");
        if (optional)
            at = skipSpaces(at + 2);
        if (at < code.size() &&
            (code.at(at) == u'.' || (optional && JavaScriptIdentifier::isPart(code.at(at))))) {
            if (code.at(at) == u'.')
                at = skipSpaces(at + 1);
            const bool whole = code.mid(at, oldMember.size()) == oldMember &&
                (at + oldMember.size() == code.size() ||
                 !JavaScriptIdentifier::isPart(code.at(at + oldMember.size())));
            if (whole)
                starts.append(at);
        } else if (at < code.size() && code.at(at) == u'[') {
            at = skipSpaces(at + 1);
            const QChar quote = at < code.size() ? code.at(at) : QChar();
            if ((quote == u'"' || quote == u'\'') && code.mid(at + 1, oldMember.size()) == oldMember &&
                at + 1 + oldMember.size() < code.size() && code.at(at + 1 + oldMember.size()) == quote)
                starts.append(at + 1);
        }
    }
    QString result = code;
    for (auto start = starts.crbegin(); start != starts.crend(); ++start)
        result.replace(*start, oldMember.size(), newMember);
    return result;
}

bool isCodeAt(const QString &code, qsizetype position, Context context)
{
    const QString none; // nothing to rename: the rewriter only lexes
    return ScriptRewriter(code, none, none, context).isCodeAt(position);
}

} // namespace AuthStudio::JavaScriptSource
