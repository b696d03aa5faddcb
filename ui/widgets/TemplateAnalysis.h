// TemplateAnalysis: where a text's {{ expressions }} are and which names in them a run would not know (a
// root name, or a field a form or request step doesn't have), read with the engine's own template parser,
// so what the editors mark is exactly what the run evaluates.
// ExpressionLineEdit (one-line fields) and TemplateHighlighter (request bodies) show it.
#pragma once

#include <QCoreApplication>
#include <QHash>
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
    // `knownFields`: for the steps whose results' fields are all known before a run (KnownNames::members:
    // a form's keys; a request's status, headers and body), so "{{ form1.emial }}" is flagged too.
    static TemplateAnalysis of(const QString &text, const QStringList *knownNames,
                               const QHash<QString, QStringList> &knownFields = {});

    // How a name a run would not know is told: "unknown name 'X'" (scripts say it alike).
    static QString unknownNameMessage(const QString &name);

    // The {{ }} parts, braces included; an unclosed "{{" runs to the end of the text.
    QList<Range> expressions;
    // Where the unknown names are, and the names (a root "X", or a field "form1.x"), in order of appearance.
    QList<Range> unknownNameRanges;
    QStringList unknownNames;
    // What is wrong, one problem per line (the template's parse error, then "unknown name 'X'" and
    // "form1 has no field 'x'"), or empty.
    QString diagnostic;
    // Where an unclosed "{{" starts, or -1.
    int unclosedAt = -1;
};

} // namespace AuthStudio
