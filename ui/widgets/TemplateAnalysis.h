// TemplateAnalysis: where a text's {{ expressions }} are and which root names in them a run would not know,
// read with the engine's own template parser, so what the editors mark is exactly what the run evaluates.
// ExpressionLineEdit (one-line fields) and TemplateHighlighter (request bodies) show it.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace AuthStudio {

class TemplateAnalysis
{
    Q_DECLARE_TR_FUNCTIONS(TemplateAnalysis)

public:
    struct Range
    {
        int start = 0;
        int length = 0;
        bool operator==(const Range &) const = default;
    };

    // `knownNames` null: names aren't checked (the field can't tell yet what the run will know).
    static TemplateAnalysis of(const QString &text, const QStringList *knownNames);

    // The {{ }} parts, braces included; an unclosed "{{" runs to the end of the text.
    QList<Range> expressions;
    // Where the unknown root names are, and the names, in order of appearance.
    QList<Range> unknownNameRanges;
    QStringList unknownNames;
    // What is wrong, one problem per line (the template's parse error, then "unknown name 'X'"), or empty.
    QString diagnostic;
    // Where an unclosed "{{" starts, or -1.
    int unclosedAt = -1;
};

} // namespace AuthStudio
