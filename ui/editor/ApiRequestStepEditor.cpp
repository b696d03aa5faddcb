#include "ApiRequestStepEditor.h"

#include "KeyValueTableEditor.h"
#include "KeyValueTableModel.h"
#include "format/WorkspaceValidator.h"
#include "run/JsonBodyTemplate.h"
#include "run/JsonText.h"
#include "run/RequestBuilder.h"
#include "script/EvalResult.h"
#include "widgets/ExpressionLineEdit.h"
#include "widgets/NumberBox.h"
#include "widgets/StudioFonts.h"
#include "widgets/TemplateAnalysis.h"
#include "widgets/WrappingLabel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace AuthStudio {

namespace {

// Body kinds in combo order.
constexpr RequestBody::Kind BodyKinds[] = {RequestBody::Kind::None, RequestBody::Kind::Json,
                                           RequestBody::Kind::FormUrlEncoded, RequestBody::Kind::Raw};

int bodyKindIndex(RequestBody::Kind kind)
{
    for (int i = 0; i < 4; ++i) {
        if (BodyKinds[i] == kind)
            return i;
    }
    return 0;
}

// The fields of a flat JSON object ({"email": "{{ form1.email }}", "n": 1}), for a body switched from
// JSON to form fields; none when the text is not such an object. (Keys come in JSON object order, by name.)
KeyValueList formFieldsOf(const QString &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8());
    if (!document.isObject())
        return {};
    KeyValueList fields;
    const QJsonObject object = document.object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QJsonValue value = it.value();
        if (value.isObject() || value.isArray())
            return {}; // nested: no form field says it
        fields.append({it.key(), valueToText(value)}); // as a template writes it: null is empty
    }
    return fields;
}

// A JSON object of form fields, for a body switched the other way; expressions stay inside the strings.
QString jsonOf(const KeyValueList &fields)
{
    QJsonObject object;
    for (const KeyValue &field : fields) {
        if (field.enabled && !field.name.isEmpty())
            object.insert(field.name, field.value);
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed();
}

} // namespace

ApiRequestStepEditor::ApiRequestStepEditor(WorkspaceDocument *document, QWidget *parent)
    : StepEditor(document, StepType::ApiRequest, parent)
    , m_method(new QComboBox(this))
    , m_url(new ExpressionLineEdit(this))
    , m_requestLine(new QBoxLayout(QBoxLayout::LeftToRight))
    , m_tabs(new QTabWidget(this))
    , m_headers(new KeyValueTableEditor(document, this))
    , m_query(new KeyValueTableEditor(document, this))
    , m_bodyKind(new QComboBox(this))
    , m_bodyPages(new QStackedWidget(this))
    , m_jsonBody(new TemplateTextEdit(this))
    , m_jsonStatus(new QLabel(this))
    , m_formatJson(new QToolButton(this))
    , m_urlProblem(new QLabel(this))
    , m_formBody(new KeyValueTableEditor(document, this))
    , m_rawContentType(new QLineEdit(this))
    , m_rawBody(new TemplateTextEdit(this))
    , m_timeout(new NumberBox(this))
    , m_jsonStatusTimer(new QTimer(this))
{
    m_method->setObjectName(QStringLiteral("requestMethod"));
    m_method->setAccessibleName(tr("HTTP method"));
    m_method->addItems(methods());
    m_url->setObjectName(QStringLiteral("requestUrl"));
    m_url->setAccessibleName(tr("Request URL"));
    m_url->setTextCheck(&WorkspaceValidator::requestUrlProblem);
    m_urlProblem->setObjectName(QStringLiteral("requestUrlProblem"));
    m_urlProblem->setWordWrap(true);
    WrappingLabel::keepNarrow(m_urlProblem);
    m_urlProblem->hide();

    m_headers->setObjectName(QStringLiteral("requestHeaders"));
    m_headers->setRowNoun(tr("header"));
    m_query->setObjectName(QStringLiteral("requestQuery"));
    m_query->setRowNoun(tr("query parameter"));
    m_formBody->setObjectName(QStringLiteral("formBody"));
    m_formBody->setRowNoun(tr("form field"));

    m_bodyKind->setObjectName(QStringLiteral("bodyKind"));
    m_bodyKind->setAccessibleName(tr("Body kind"));
    m_bodyKind->addItems({tr("None"), tr("JSON"), tr("Form (URL-encoded)"), tr("Raw")});
    const QFont fixed = StudioFonts::monospace();
    m_jsonBody->setObjectName(QStringLiteral("jsonBody"));
    m_jsonBody->setAccessibleName(tr("JSON body"));
    m_jsonBody->setFont(fixed);
    m_jsonBody->setPlaceholderText(QStringLiteral("{\"email\": \"{{ form1.email }}\"}"));
    m_jsonBody->setToolTip(
        tr("Put {{ expressions }} inside JSON strings; each string is filled in and escaped "
           "when the request is sent."));
    m_jsonStatus->setObjectName(QStringLiteral("jsonBodyStatus"));
    m_jsonStatus->setWordWrap(true);
    WrappingLabel::keepNarrow(m_jsonStatus);
    m_rawContentType->setObjectName(QStringLiteral("rawContentType"));
    m_rawContentType->setAccessibleName(tr("Content type"));
    m_rawContentType->setPlaceholderText(QStringLiteral("text/plain"));
    m_rawBody->setObjectName(QStringLiteral("rawBody"));
    m_rawBody->setAccessibleName(tr("Raw body"));
    m_rawBody->setFont(fixed);
    m_timeout->setObjectName(QStringLiteral("requestTimeout"));
    m_timeout->setAccessibleName(tr("Request timeout"));
    m_timeout->setRange(1, 600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("The request fails when no reply arrives within this time."));

    // Body pages in BodyKinds order.
    auto *nonePage = new QLabel(tr("The request has no body."), m_bodyPages);
    nonePage->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *jsonPage = new QWidget(m_bodyPages);
    auto *jsonLayout = new QVBoxLayout(jsonPage);
    jsonLayout->setContentsMargins(0, 0, 0, 0);
    jsonLayout->addWidget(m_jsonBody, 1);
    jsonLayout->addWidget(m_jsonStatus);
    auto *rawPage = new QWidget(m_bodyPages);
    auto *rawLayout = new QFormLayout(rawPage);
    rawLayout->setContentsMargins(0, 0, 0, 0);
    rawLayout->addRow(tr("Content type"), m_rawContentType);
    rawLayout->addRow(m_rawBody);
    m_bodyPages->addWidget(nonePage);
    m_bodyPages->addWidget(jsonPage);
    m_bodyPages->addWidget(m_formBody);
    m_bodyPages->addWidget(rawPage);

    auto *bodyTab = new QWidget(m_tabs);
    auto *bodyLayout = new QVBoxLayout(bodyTab);
    m_formatJson->setObjectName(QStringLiteral("formatJsonBody"));
    m_formatJson->setText(tr("Format JSON"));
    m_formatJson->setToolTip(tr("Set the JSON out one value a line, its keys in the order written. What "
                                "is sent doesn't change."));
    m_formatJson->setEnabled(false); // until the body is valid JSON
    auto *kindLine = new QHBoxLayout;
    kindLine->addWidget(m_bodyKind);
    kindLine->addStretch(1);
    kindLine->addWidget(m_formatJson);
    auto *kindRow = new QFormLayout;
    kindRow->addRow(tr("Body"), kindLine);
    bodyLayout->addLayout(kindRow);
    bodyLayout->addWidget(m_bodyPages, 1);
    m_tabs->setObjectName(QStringLiteral("requestTabs"));
    // The tab bar is what takes the focus: a screen reader says its name, not the tab widget's.
    m_tabs->setAccessibleName(tr("Request sections"));
    m_tabs->tabBar()->setAccessibleName(m_tabs->accessibleName());
    m_tabs->addTab(bodyTab, tr("Body"));
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->addTab(m_query, tr("Query parameters"));

    m_requestLine->addWidget(m_method, 0, Qt::AlignLeft);
    m_requestLine->addWidget(m_url, 1);
    auto *form = new QFormLayout;
    addNameRow(form, tr("Step name"));
    form->addRow(tr("Request"), m_requestLine);
    form->addRow(QString(), m_urlProblem);
    form->addRow(tr("Timeout"), m_timeout);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_tabs, 1);
    // Tab follows the page top to bottom: the timeout, built last, would otherwise come after the body.
    QWidget::setTabOrder(m_url, m_timeout);

    connect(m_method, &QComboBox::currentTextChanged, this, [this](const QString &method) {
        editStep<ApiRequestStep>(tr("Change method"), {},
                                 [&method](ApiRequestStep &s) { s.method = method; });
        checkJsonBody(m_jsonBody->toPlainText()); // a body on a GET is flagged
    });
    connect(m_url, &QLineEdit::textEdited, this, [this](const QString &url) {
        editStep<ApiRequestStep>(tr("Edit URL"), QStringLiteral("url"),
                                 [&url](ApiRequestStep &s) { s.url = url; });
        updateUrlProblem(url);
    });
    connect(m_timeout, &QSpinBox::valueChanged, this, [this](int seconds) {
        editStep<ApiRequestStep>(tr("Change timeout"), QStringLiteral("timeout"),
                                 [seconds](ApiRequestStep &s) { s.timeoutMs = seconds * 1000; });
    });
    connect(m_formatJson, &QToolButton::clicked, this, &ApiRequestStepEditor::formatJsonBody);
    connect(m_bodyKind, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_bodyPages->setCurrentIndex(index);
        m_formatJson->setVisible(index == bodyKindIndex(RequestBody::Kind::Json));
        editStep<ApiRequestStep>(tr("Change body kind"), {}, [index](ApiRequestStep &s) {
            const RequestBody::Kind was = s.body.kind;
            s.body.kind = BodyKinds[qBound(0, index, 3)];
            // What was typed comes along into an empty body of the other kind, in the same undo step:
            // switching from JSON to form fields used to show an empty table (QA pass 21).
            if (was == RequestBody::Kind::Json && s.body.kind == RequestBody::Kind::FormUrlEncoded &&
                s.body.fields.isEmpty())
                s.body.fields = formFieldsOf(s.body.text);
            else if (was == RequestBody::Kind::FormUrlEncoded && s.body.kind == RequestBody::Kind::Json &&
                     s.body.text.trimmed().isEmpty())
                s.body.text = jsonOf(s.body.fields);
        });
    });
    // A large body is checked once typing pauses rather than at every keystroke (a 2 MB one took about
    // 0.3 s to check).
    m_jsonStatusTimer->setSingleShot(true);
    m_jsonStatusTimer->setInterval(JsonCheckPauseMs);
    connect(m_jsonStatusTimer, &QTimer::timeout, this,
            [this] { updateJsonStatus(m_jsonBody->toPlainText()); });
    onTextEdited(m_jsonBody, [this](const QString &text) {
        checkJsonBody(text);
        editStep<ApiRequestStep>(tr("Edit JSON body"), QStringLiteral("body"),
                                 [&text](ApiRequestStep &s) { s.body.text = text; });
    });
    onTextEdited(m_rawBody, [this](const QString &text) {
        editStep<ApiRequestStep>(tr("Edit body"), QStringLiteral("body"),
                                 [&text](ApiRequestStep &s) { s.body.text = text; });
    });
    connect(m_rawContentType, &QLineEdit::textEdited, this, [this](const QString &type) {
        editStep<ApiRequestStep>(tr("Edit content type"), QStringLiteral("contentType"),
                                 [&type](ApiRequestStep &s) { s.body.contentType = type.trimmed(); });
    });
}

QStringList ApiRequestStepEditor::methods()
{
    return {QStringLiteral("GET"),    QStringLiteral("POST"),   QStringLiteral("PUT"),
            QStringLiteral("PATCH"),  QStringLiteral("DELETE"), QStringLiteral("HEAD"),
            QStringLiteral("OPTIONS")};
}

void ApiRequestStepEditor::resizeEvent(QResizeEvent *event)
{
    StepEditor::resizeEvent(event);
    // The URL is what people read and edit here. Where it would show fewer than about 24 characters
    // beside the method (the step pane beside the Auth Login preview), it takes a line of its own
    // under the method; it goes back beside it with room to spare, so the two never flip back and forth.
    const int character = fontMetrics().averageCharWidth();
    if (m_requestLine->direction() == QBoxLayout::LeftToRight) {
        if (m_url->width() < 24 * character)
            m_requestLine->setDirection(QBoxLayout::TopToBottom);
    } else if (m_url->width() - m_method->sizeHint().width() - m_requestLine->spacing() >= 32 * character) {
        m_requestLine->setDirection(QBoxLayout::LeftToRight);
    }
}

void ApiRequestStepEditor::refresh(const Step &step)
{
    const auto &request = std::get<ApiRequestStep>(step);
    if (m_method->findText(request.method) < 0)
        m_method->addItem(request.method); // a method typed into the file by hand
    m_method->setCurrentText(request.method);
    showText(m_url, request.url);
    updateUrlExample();
    updateUrlProblem(request.url);
    m_timeout->setValue(qMax(1, request.timeoutMs / 1000));
    const int kind = bodyKindIndex(request.body.kind);
    m_bodyKind->setCurrentIndex(kind);
    m_bodyPages->setCurrentIndex(kind);
    m_formatJson->setVisible(request.body.kind == RequestBody::Kind::Json);
    // JSON and raw bodies share the text, so switching kinds keeps what was typed. Only the editor shown
    // gets it: each change also laid out the hidden one's copy, the better part of a second a keystroke
    // for a 2 MB body (QA pass 39); the other is filled when its kind is chosen.
    if (request.body.kind == RequestBody::Kind::Raw)
        showText(m_rawBody, request.body.text);
    else
        showText(m_jsonBody, request.body.text);
    showText(m_rawContentType, request.body.contentType);
    checkJsonBody(request.body.kind == RequestBody::Kind::Json ? request.body.text : QString());

    const StepRef ref = stepRef();
    const auto headers = KeyValueRef::stepTable(KeyValueRef::Table::StepHeaders, ref);
    if (m_headers->model()->table() != headers || !m_headers->model()->hasTable()) {
        m_headers->setTable(headers);
        m_query->setTable(KeyValueRef::stepTable(KeyValueRef::Table::StepQueryParameters, ref));
        m_formBody->setTable(KeyValueRef::stepTable(KeyValueRef::Table::StepBodyFields, ref));
    }
}

QString ApiRequestStepEditor::changedField(const Step &before, const Step &after) const
{
    const auto &old = std::get<ApiRequestStep>(before);
    const auto &now = std::get<ApiRequestStep>(after);
    if (old.headers != now.headers)
        return QStringLiteral("header");
    if (old.queryParameters != now.queryParameters)
        return QStringLiteral("query parameter");
    if (!(old.body == now.body))
        return QStringLiteral("body");
    if (old.url != now.url)
        return QStringLiteral("URL");
    return StepEditor::changedField(before, after);
}

void ApiRequestStepEditor::applyKnownNames(const KnownNames &names)
{
    m_url->setKnownNames(names);
    m_headers->setKnownNames(names);
    m_query->setKnownNames(names);
    m_formBody->setKnownNames(names);
    m_jsonBody->setKnownNames(names);
    m_rawBody->setKnownNames(names);
    checkJsonBody(m_jsonBody->toPlainText());
    if (isBound()) // the workspace's variables may have changed
        updateUrlExample();
}

void ApiRequestStepEditor::updateUrlProblem(const QString &url)
{
    // A step's URL is sent as written (the resource's base URL is for its queries), so "/login" fails
    // only when the run gets there, after the form has asked for a password (QA pass 35). Said while
    // typing: a URL that begins with neither a scheme nor an expression can't be whole.
    const QString start = url.trimmed();
    const bool whole = start.isEmpty() || start.startsWith(QLatin1String("{{")) ||
        start.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) ||
        start.startsWith(QLatin1String("https://"), Qt::CaseInsensitive) ||
        // still being typed
        QStringLiteral("{{").startsWith(start) ||
        QStringLiteral("http://").startsWith(start, Qt::CaseInsensitive) ||
        QStringLiteral("https://").startsWith(start, Qt::CaseInsensitive);
    m_urlProblem->setText(
        whole ? QString()
              : tr("\u26A0 A step's URL is sent as written: the resource's base URL isn't put in "
                   "front. Begin it with http:// or https://, or with the variable that holds "
                   "the server's address, as in %1.")
                    .arg(exampleUrl()));
    m_urlProblem->setVisible(!whole);
}

void ApiRequestStepEditor::updateUrlExample()
{
    // The example names this workspace's own address variable and this workflow's kind of endpoint:
    // "{{ DEMO_API }}/login" read as a variable to use in workspaces without it, and in a refresh
    // workflow (QA pass 38).
    // Said as an example: a grey address alone read as one already filled in (QA pass 44).
    m_url->setPlaceholderText(tr("e.g. %1").arg(exampleUrl()));
    const QString address = addressVariable();
    m_url->setToolTip(address.isEmpty()
                          ? tr("The whole URL; may use {{ expressions }}")
                          : tr("The whole URL; may use {{ expressions }} such as {{ %1 }}").arg(address));
}

QString ApiRequestStepEditor::addressVariable() const
{
    // The first enabled workspace variable that holds an http(s) address, else one named like an address
    // (the demo's DEMO_API is empty in a file: the studio fills it in), else none.
    const KeyValueList &variables = document()->workspace().variables;
    for (const KeyValue &variable : variables) {
        const QString value = variable.value.trimmed();
        if (variable.enabled &&
            (value.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) ||
             value.startsWith(QLatin1String("https://"), Qt::CaseInsensitive)))
            return variable.name;
    }
    static const QRegularExpression addressName(QStringLiteral("API|URL|HOST|SERVER|BASE"),
                                                QRegularExpression::CaseInsensitiveOption);
    for (const KeyValue &variable : variables) {
        if (variable.enabled && addressName.match(variable.name).hasMatch())
            return variable.name;
    }
    return {};
}

QString ApiRequestStepEditor::exampleUrl() const
{
    const QString endpoint =
        stepRef().workflow == WorkflowKind::Refresh ? QStringLiteral("refresh") : QStringLiteral("login");
    const QString address = addressVariable();
    return address.isEmpty() ? QStringLiteral("https://api.example.com/") + endpoint
                             : QStringLiteral("{{ %1 }}/%2").arg(address, endpoint);
}

QString ApiRequestStepEditor::jsonStatus() const
{
    return m_jsonStatus->text();
}

void ApiRequestStepEditor::checkJsonBody(const QString &text)
{
    if (text.size() > LargeJsonBodyChars) {
        m_jsonStatusTimer->start(); // restarted by each change: checked once they pause
        return;
    }
    m_jsonStatusTimer->stop();
    updateJsonStatus(text);
}

void ApiRequestStepEditor::formatJsonBody()
{
    const QString text = m_jsonBody->toPlainText();
    if (text.trimmed().isEmpty() || JsonBodyTemplate::syntaxError(text))
        return;
    const QString formatted = JsonText::indented(text);
    if (formatted == text)
        return;
    // Setting out a minified 1.5 MB body takes the better part of a second (laying out 180 000 lines).
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const auto restoreCursor = qScopeGuard([] { QGuiApplication::restoreOverrideCursor(); });
    editStep<ApiRequestStep>(tr("Format JSON body"), {},
                             [&formatted](ApiRequestStep &s) { s.body.text = formatted; });
    showText(m_jsonBody, formatted);
    checkJsonBody(formatted);
}

void ApiRequestStepEditor::updateJsonStatus(const QString &text)
{
    m_formatJson->setEnabled(false);
    if (m_bodyKind->currentIndex() != bodyKindIndex(RequestBody::Kind::Json)) {
        m_jsonStatus->clear();
        return;
    }
    if (text.trimmed().isEmpty()) {
        m_jsonStatus->setText(tr("Empty: the request is sent without a body."));
        return;
    }
    const std::optional<JsonBodyTemplate::SyntaxError> error = JsonBodyTemplate::syntaxError(text);
    if (!error) {
        m_formatJson->setEnabled(true);
        // QA pass 39: a minified 1.5 MB body took about 0.2 s a keystroke, as Qt lays the line out again.
        if (const qsizetype longest = JsonText::longestLine(text); longest > SlowLineChars) {
            m_jsonStatus->setText(tr("Valid JSON, on a line of %1 characters, which is slow to edit: Format "
                                     "JSON sets it out a value a line (what is sent doesn't change).")
                                      .arg(QLocale().toString(longest)));
            return;
        }
        // The expressions too: a name no earlier step or variable defines fails the run.
        QString problem =
            TemplateAnalysis::of(text, m_jsonBody->knownNames(), m_jsonBody->knownFields()).diagnostic;
        // Sent all the same, but a body on these is easily a mistake (a method left as it was).
        const QString method = m_method->currentText();
        if (method == QLatin1String("GET") || method == QLatin1String("HEAD")) {
            if (!problem.isEmpty())
                problem += u'\n';
            problem += tr("a %1 request's body is ignored by many servers").arg(method);
        }
        m_jsonStatus->setText(problem.isEmpty()
                                  ? tr("Valid JSON.")
                                  : tr("\u26A0 Valid JSON, but: %1.")
                                        .arg(QString(problem).replace(u'\n', QStringLiteral("; "))));
        return;
    }
    // Line and column as the save error says them (WorkspaceValidator uses the same syntaxError()).
    m_jsonStatus->setText(tr("\u26A0 Not valid JSON: %1 at line %2, column %3.%4")
                              .arg(error->reason)
                              .arg(error->line)
                              .arg(error->column)
                              .arg(error->expressionOutsideString
                                       ? tr(" Put {{ expressions }} inside JSON strings.")
                                       : QString()));
}

void ApiRequestStepEditor::focusField(const QString &field)
{
    // A row of a table, as RequestBuilder names it: "header 'X-B'" (its value), "header name 'X-B'",
    // "parameter 'q'", "parameter name 'q'", "body field 'email'", "body field name 'email'". The row's
    // cell at fault becomes current, not just the table (QA pass 32).
    static const QRegularExpression row(QStringLiteral("^(header|parameter|body field)( name)? '(.*)'$"),
                                        QRegularExpression::DotMatchesEverythingOption);
    if (const QRegularExpressionMatch match = row.match(field); match.hasMatch()) {
        const QString table = match.captured(1);
        KeyValueTableEditor *editor = table == QLatin1String("header") ? m_headers
            : table == QLatin1String("parameter")                      ? m_query
                                                                       : m_formBody;
        if (editor == m_formBody)
            m_tabs->setCurrentIndex(0);
        else
            m_tabs->setCurrentWidget(editor);
        const QString name =
            editor == m_headers ? RequestBuilder::headerNameAsWritten(match.captured(3)) : match.captured(3);
        const int column =
            !match.captured(2).isEmpty() ? KeyValueTableModel::NameColumn : KeyValueTableModel::ValueColumn;
        if (!editor->focusRow(name, column))
            editor->view()->setFocus(Qt::OtherFocusReason);
        return;
    }
    const QString lower = field.toLower();
    if (lower.contains(QStringLiteral("url")) || lower.isEmpty()) {
        m_url->setFocus(Qt::OtherFocusReason);
    } else if (lower.contains(QStringLiteral("header"))) {
        m_tabs->setCurrentWidget(m_headers);
        m_headers->view()->setFocus(Qt::OtherFocusReason);
    } else if (lower.contains(QStringLiteral("query")) || lower.contains(QStringLiteral("param"))) {
        m_tabs->setCurrentWidget(m_query);
        m_query->view()->setFocus(Qt::OtherFocusReason);
    } else if (lower.contains(QStringLiteral("body"))) {
        m_tabs->setCurrentIndex(0);
        m_bodyPages->currentWidget()->setFocus(Qt::OtherFocusReason);
        if (m_bodyKind->currentIndex() == bodyKindIndex(RequestBody::Kind::Json))
            m_jsonBody->setFocus(Qt::OtherFocusReason);
    } else {
        StepEditor::focusField(field);
    }
}

} // namespace AuthStudio
