#include "Template.h"

#include <QHash>

namespace AuthStudio {

namespace {

bool isIdentifierStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' || c == u'$';
}

bool isIdentifierPart(QChar c)
{
    return isIdentifierStart(c) || (c >= u'0' && c <= u'9');
}

// Finds the "}}" that closes an expression starting at `from`, skipping braces and "}}" inside string
// literals and nested object literals, so {{ {a: {b: 1}} }} parses.
qsizetype findClose(const QString &source, qsizetype from)
{
    int depth = 0;
    QChar quote;
    for (qsizetype i = from; i < source.size(); ++i) {
        const QChar c = source.at(i);
        if (!quote.isNull()) {
            if (c == u'\\')
                ++i;
            else if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == u'"' || c == u'\'' || c == u'`') {
            quote = c;
        } else if (c == u'{') {
            ++depth;
        } else if (c == u'}') {
            if (depth == 0 && i + 1 < source.size() && source.at(i + 1) == u'}')
                return i;
            if (depth > 0)
                --depth;
        }
    }
    return -1;
}

} // namespace

Template::Template(const QString &source)
{
    qsizetype pos = 0;
    while (pos < source.size()) {
        const qsizetype open = source.indexOf(QStringLiteral("{{"), pos);
        if (open < 0) {
            m_parts.append({Part::Kind::Literal, source.mid(pos), {}});
            break;
        }
        if (open > pos)
            m_parts.append({Part::Kind::Literal, source.mid(pos, open - pos), {}});
        const qsizetype close = findClose(source, open + 2);
        if (close < 0) {
            m_error = QStringLiteral("'{{' at character %1 is never closed with '}}'").arg(open + 1);
            m_unclosedAt = open;
            return;
        }
        const QString expression = source.mid(open + 2, close - open - 2).trimmed();
        if (expression.isEmpty()) {
            m_error = QStringLiteral("empty expression '{{ }}' at character %1").arg(open + 1);
            return;
        }
        Part part {Part::Kind::Script, expression, {}, open, close + 2 - open};
        if (parsePath(expression, &part.path))
            part.kind = Part::Kind::Path;
        m_parts.append(part);
        m_hasExpressions = true;
        pos = close + 2;
    }
}

std::shared_ptr<const Template> Template::parse(const QString &source)
{
    // Per thread, so no locking; bounded, so a stream of generated strings can't grow it forever.
    thread_local QHash<QString, std::shared_ptr<const Template>> cache;
    if (auto it = cache.constFind(source); it != cache.constEnd())
        return it.value();
    if (cache.size() > 4096)
        cache.clear();
    std::shared_ptr<const Template> parsed(new Template(source));
    cache.insert(source, parsed);
    return parsed;
}

QStringList Template::rootNames() const
{
    QStringList names;
    for (const Part &part : m_parts) {
        if (part.kind == Part::Kind::Path && !names.contains(part.path.first().key))
            names.append(part.path.first().key);
    }
    return names;
}

bool Template::parsePath(const QString &expression, QList<PathSegment> *path)
{
    path->clear();
    qsizetype i = 0;
    const qsizetype n = expression.size();
    auto readIdentifier = [&]() -> QString {
        const qsizetype start = i;
        if (i >= n || !isIdentifierStart(expression.at(i)))
            return {};
        while (i < n && isIdentifierPart(expression.at(i)))
            ++i;
        return expression.mid(start, i - start);
    };
    const QString root = readIdentifier();
    // Literals like `true` or `null` are JavaScript, not names in the scope.
    static const QStringList keywords {
        QStringLiteral("true"),      QStringLiteral("false"), QStringLiteral("null"),
        QStringLiteral("undefined"), QStringLiteral("this"),  QStringLiteral("NaN"),
        QStringLiteral("Infinity"),  QStringLiteral("new"),   QStringLiteral("typeof")};
    if (root.isEmpty() || keywords.contains(root))
        return false;
    path->append({root, -1});
    while (i < n) {
        const QChar c = expression.at(i);
        if (c == u'.') {
            ++i;
            const QString key = readIdentifier();
            if (key.isEmpty())
                return false;
            path->append({key, -1});
        } else if (c == u'[') {
            ++i;
            if (i < n && (expression.at(i) == u'"' || expression.at(i) == u'\'')) {
                const QChar quote = expression.at(i++);
                const qsizetype end = expression.indexOf(quote, i);
                if (end < 0 || end + 1 >= n || expression.at(end + 1) != u']')
                    return false;
                const QString key = expression.mid(i, end - i);
                if (key.contains(u'\\'))
                    return false; // escapes: leave them to JavaScript
                path->append({key, -1});
                i = end + 2;
            } else {
                const qsizetype start = i;
                while (i < n && expression.at(i) >= u'0' && expression.at(i) <= u'9')
                    ++i;
                if (i == start || i >= n || expression.at(i) != u']' || i - start > 9)
                    return false;
                path->append({QString(), expression.mid(start, i - start).toInt()});
                ++i;
            }
        } else {
            return false;
        }
    }
    return true;
}

} // namespace AuthStudio
