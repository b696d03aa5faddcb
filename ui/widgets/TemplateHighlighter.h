// TemplateHighlighter: marks {{ expressions }} in multi-line text (request bodies) as ExpressionLineEdit
// does in one-line fields: the expressions tinted, a root name the run would not know underlined in red.
// An expression left open at the end of a line continues on the next. Follows its editor's palette.
#pragma once

#include <QStringList>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class QPlainTextEdit;

namespace AuthStudio {

class TemplateHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    // Highlights `editor`'s document; a child of the editor.
    explicit TemplateHighlighter(QPlainTextEdit *editor);

    // As ExpressionLineEdit::setKnownNames(): until called, no name is flagged.
    // `fields`: KnownNames::members, the fields of steps whose results are known before a run.
    void setKnownNames(const QStringList &names, const QHash<QString, QStringList> &fields = {});
    const QStringList *knownNames() const { return m_checkNames ? &m_knownNames : nullptr; }
    const QHash<QString, QStringList> &knownFields() const { return m_knownFields; }

    QTextCharFormat expressionFormat() const { return m_expression; }
    QTextCharFormat unknownNameFormat() const { return m_unknownName; }

protected:
    void highlightBlock(const QString &text) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum State { Normal = 0, InExpression = 1 }; // what a line ends inside, carried as the block state

    void updateFormats();

    QPlainTextEdit *m_editor;
    QStringList m_knownNames;
    QHash<QString, QStringList> m_knownFields;
    bool m_checkNames = false;
    QTextCharFormat m_expression;
    QTextCharFormat m_unknownName;
};

} // namespace AuthStudio
