// ApiRequestStepEditor: edits an API Request step: name, method, URL, headers, query parameters, the body
// (none, JSON with live validation, form fields, raw text) and the timeout.
#pragma once

#include "StepEditor.h"
#include "widgets/TemplateTextEdit.h"

class QBoxLayout;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTimer;
class QToolButton;

namespace AuthStudio {

class ExpressionLineEdit;
class KeyValueTableEditor;

class ApiRequestStepEditor : public StepEditor
{
    Q_OBJECT
public:
    explicit ApiRequestStepEditor(WorkspaceDocument *document, QWidget *parent = nullptr);

    static QStringList methods();

    QComboBox *methodCombo() const { return m_method; }
    ExpressionLineEdit *urlEdit() const { return m_url; }
    KeyValueTableEditor *headersEditor() const { return m_headers; }
    KeyValueTableEditor *queryEditor() const { return m_query; }
    QComboBox *bodyKindCombo() const { return m_bodyKind; }
    TemplateTextEdit *jsonBodyEdit() const { return m_jsonBody; }
    TemplateTextEdit *rawBodyEdit() const { return m_rawBody; }
    QToolButton *formatJsonButton() const { return m_formatJson; }
    // Sets the JSON body out one value a line (JsonText::indented), one undoable step; nothing when it
    // isn't valid JSON or is set out so already.
    void formatJsonBody();
    // "Valid JSON", what is wrong and where, or an expression's problem; empty when the body isn't JSON.
    QString jsonStatus() const;
    void focusField(const QString &field) override;

protected:
    void refresh(const Step &step) override;
    QString changedField(const Step &before, const Step &after) const override;
    void applyKnownNames(const KnownNames &names) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // Bodies longer than this are checked JsonCheckPauseMs after the last keystroke, not at each one.
    static constexpr qsizetype LargeJsonBodyChars = 100000;
    static constexpr int JsonCheckPauseMs = 300;
    // A line longer than this makes each keystroke slow (Qt lays the whole line out again: about 0.2 s a
    // key at 1.5 MB), so the body's status offers Format.
    static constexpr qsizetype SlowLineChars = 20000;

    void updateUrlProblem(const QString &url);
    void updateUrlExample();
    // The workspace variable that most likely holds the server's address, for examples; empty if none.
    QString addressVariable() const;
    // An example URL for this step: "{{ API }}/login", "{{ API }}/refresh" in a refresh workflow.
    QString exampleUrl() const;
    // Says whether the JSON body is valid (and what its expressions read): at once, or for a large body
    // once changes pause.
    void checkJsonBody(const QString &text);
    void updateJsonStatus(const QString &text);

    QComboBox *m_method;
    ExpressionLineEdit *m_url;
    QBoxLayout *m_requestLine; // the method and the URL: side by side, or the URL under the method
    QTabWidget *m_tabs;
    KeyValueTableEditor *m_headers;
    KeyValueTableEditor *m_query;
    QComboBox *m_bodyKind;
    QStackedWidget *m_bodyPages;
    TemplateTextEdit *m_jsonBody;
    QLabel *m_jsonStatus;
    QToolButton *m_formatJson;
    QLabel *m_urlProblem; // a URL that can't be whole: the base URL isn't put in front
    KeyValueTableEditor *m_formBody;
    QLineEdit *m_rawContentType;
    TemplateTextEdit *m_rawBody;
    QSpinBox *m_timeout;
    QTimer *m_jsonStatusTimer; // checks a large JSON body once typing pauses
};

} // namespace AuthStudio
