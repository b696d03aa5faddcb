// Template: a string field parsed into literal text and {{ expression }} parts. Expressions that are
// plain paths (http1.body.token, items[0].id) are compiled so they can be looked up without JavaScript.
// Parsed templates are cached, since the same fields are evaluated on every run and query.
#pragma once

#include <QList>
#include <QString>

#include <memory>

namespace AuthStudio {

class Template
{
public:
    struct PathSegment
    {
        QString key; // property name, or empty for an index
        int index = -1;
    };
    struct Part
    {
        enum class Kind { Literal, Path, Script };
        Kind kind = Kind::Literal;
        QString text; // literal text, or the expression's source
        QList<PathSegment> path; // Kind::Path only
        // Where an expression part stands in the source, braces included (editors tint this span).
        qsizetype sourceStart = -1;
        qsizetype sourceLength = 0;
    };

    static std::shared_ptr<const Template> parse(const QString &source);

    bool isValid() const { return m_error.isEmpty(); }
    // Where an expression opens with "{{" and is never closed, or -1. Parts before it are still listed.
    qsizetype unclosedAt() const { return m_unclosedAt; }
    QString error() const { return m_error; }
    const QList<Part> &parts() const { return m_parts; }
    bool hasExpressions() const { return m_hasExpressions; }
    // The whole string is one {{ expression }}: its value keeps its type (number, object, ...).
    bool isSingleExpression() const
    {
        return m_parts.size() == 1 && m_parts.first().kind != Part::Kind::Literal;
    }
    // Names at the root of the template's expressions, where they can be known without running them.
    QStringList rootNames() const;

    // Parses a plain path; returns false when the expression needs JavaScript.
    static bool parsePath(const QString &expression, QList<PathSegment> *path);

private:
    explicit Template(const QString &source);
    QList<Part> m_parts;
    QString m_error;
    qsizetype m_unclosedAt = -1;
    bool m_hasExpressions = false;
};

} // namespace AuthStudio
