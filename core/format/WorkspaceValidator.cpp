#include "WorkspaceValidator.h"

#include "run/JsonBodyTemplate.h"
#include "run/RequestBuilder.h"
#include "script/JavaScriptIdentifier.h"
#include "script/Template.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <iterator>
#include <utility>

namespace AuthStudio {

namespace {

QString workflowKey(bool refresh)
{
    return refresh ? QStringLiteral("refreshWorkflow") : QStringLiteral("authWorkflow");
}

void validateRows(const KeyValueList &rows, const QString &pointer,
                  QList<WorkspaceValidator::Problem> &problems)
{
    for (int i = 0; i < rows.size(); ++i) {
        const QString problem = WorkspaceValidator::keyValueProblem(rows.at(i));
        if (!problem.isEmpty())
            problems.append({pointer + QStringLiteral("/%1/name").arg(i), problem});
    }
}

void validateHeaderRows(const KeyValueList &rows, const QString &pointer,
                        QList<WorkspaceValidator::Problem> &problems)
{
    for (int i = 0; i < rows.size(); ++i) {
        if (const auto problem = WorkspaceValidator::headerProblem(rows.at(i)))
            problems.append({pointer + QStringLiteral("/%1").arg(i) + problem->pointer, problem->reason});
    }
}

// The text a template writes as it stands, outside its {{ expressions }}.
QString literalText(const QString &source)
{
    QString literal;
    for (const Template::Part &part : Template::parse(source)->parts()) {
        if (part.kind == Template::Part::Kind::Literal)
            literal += part.text;
    }
    return literal;
}

QString reservedWordProblem(const QString &what, const QString &name)
{
    return QStringLiteral("%1 name '%2' is a JavaScript keyword, which expressions can't name")
        .arg(what, name);
}

void validateWorkflow(const Workflow &workflow, const QString &pointer, const QSet<QString> &workspaceNames,
                      QList<WorkspaceValidator::Problem> &problems)
{
    QSet<QString> seen;
    for (int i = 0; i < workflow.steps.size(); ++i) {
        const Step &step = workflow.steps.at(i);
        const QString stepPointer = pointer + QLatin1Char('/') + QString::number(i);
        const QString name = stepName(step);
        if (!WorkspaceValidator::isIdentifier(name)) {
            problems.append({stepPointer + QStringLiteral("/name"),
                             QStringLiteral("step name '%1' is not a valid identifier (letters, digits, _ "
                                            "and $, not starting with a digit)")
                                 .arg(name)});
        } else if (JavaScriptIdentifier::isReservedWord(name)) {
            problems.append(
                {stepPointer + QStringLiteral("/name"), reservedWordProblem(QStringLiteral("step"), name)});
        } else if (seen.contains(name)) {
            problems.append({stepPointer + QStringLiteral("/name"),
                             QStringLiteral("duplicate step name '%1' in this workflow").arg(name)});
        } else if (workspaceNames.contains(name)) {
            problems.append({stepPointer + QStringLiteral("/name"),
                             QStringLiteral("step name '%1' is already a workspace variable").arg(name)});
        }
        seen.insert(name);

        if (const auto *form = std::get_if<FormStep>(&step)) {
            for (int f = 0; f < form->fields.size(); ++f) {
                const QString problem = WorkspaceValidator::formFieldKeyProblem(*form, f);
                if (!problem.isEmpty())
                    problems.append({stepPointer + QStringLiteral("/fields/%1/key").arg(f), problem});
            }
        } else if (const auto *request = std::get_if<ApiRequestStep>(&step)) {
            validateHeaderRows(request->headers, stepPointer + QStringLiteral("/headers"), problems);
            validateRows(request->queryParameters, stepPointer + QStringLiteral("/queryParameters"),
                         problems);
            if (request->body.kind == RequestBody::Kind::FormUrlEncoded)
                validateRows(request->body.fields, stepPointer + QStringLiteral("/body/fields"), problems);
            if (const QString problem = RequestBuilder::checkMethod(request->method); !problem.isEmpty())
                problems.append({stepPointer + QStringLiteral("/method"), problem});
            if (request->url.trimmed().isEmpty())
                problems.append({stepPointer + QStringLiteral("/url"), QStringLiteral("the URL is empty")});
            if (request->timeoutMs <= 0)
                problems.append({stepPointer + QStringLiteral("/timeoutMs"),
                                 QStringLiteral("the timeout must be a positive number of milliseconds")});
            if (request->body.kind == RequestBody::Kind::Json && !request->body.text.trimmed().isEmpty()) {
                if (const auto error = JsonBodyTemplate::syntaxError(request->body.text)) {
                    problems.append(
                        {stepPointer + QStringLiteral("/body/text"),
                         QStringLiteral("the JSON body is not valid JSON (%1 at line %2, column %3)%4")
                             .arg(error->reason)
                             .arg(error->line)
                             .arg(error->column)
                             .arg(error->expressionOutsideString
                                      ? QStringLiteral("; put {{ expressions }} inside JSON strings")
                                      : QString())});
                }
            }
        } else if (const auto *variable = std::get_if<DefineVariableStep>(&step)) {
            if (WorkspaceValidator::holdsLiteralSecret(*variable)) {
                problems.append(
                    {stepPointer + QStringLiteral("/value"),
                     QStringLiteral("secret variable '%1' holds a literal value; secrets never go "
                                    "into workspace files, so compute it with a {{ expression }} "
                                    "(for example from a Form field)")
                         .arg(variable->name)});
            }
        }
    }
}

} // namespace

bool WorkspaceValidator::isIdentifier(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (int i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' || c == u'$' ||
            (i > 0 && c >= u'0' && c <= u'9');
        if (!ok)
            return false;
    }
    return true;
}

QString WorkspaceValidator::formFieldKeyProblem(const FormStep &form, int field)
{
    const QString key = form.fields.at(field).key;
    if (!isIdentifier(key))
        return QStringLiteral("field key '%1' is not a valid identifier (letters, digits, _ and $, not "
                              "starting with a digit)")
            .arg(key);
    for (int i = 0; i < field; ++i) {
        if (form.fields.at(i).key == key)
            return QStringLiteral("duplicate field key '%1': its value would overwrite field %2's")
                .arg(key)
                .arg(i + 1);
    }
    return {};
}

QString WorkspaceValidator::keyValueProblem(const KeyValue &row)
{
    if (row.enabled && row.name.trimmed().isEmpty() && !row.isBlank())
        return QStringLiteral("a value with no name");
    return {};
}

std::optional<WorkspaceValidator::Problem> WorkspaceValidator::headerProblem(const KeyValue &row)
{
    if (const QString problem = headerNameProblem(row); !problem.isEmpty())
        return Problem {QStringLiteral("/name"), problem};
    if (const QString problem = headerValueProblem(row); !problem.isEmpty())
        return Problem {QStringLiteral("/value"), problem};
    return std::nullopt;
}

QString WorkspaceValidator::headerNameProblem(const KeyValue &row)
{
    if (const QString problem = keyValueProblem(row); !problem.isEmpty())
        return problem;
    if (!row.enabled || row.isBlank())
        return {};
    return RequestBuilder::checkHeaderName(literalText(row.name));
}

QString WorkspaceValidator::headerValueProblem(const KeyValue &row)
{
    if (!row.enabled || row.isBlank())
        return {};
    return RequestBuilder::checkHeaderValue(literalText(row.value));
}

QString WorkspaceValidator::variableNameProblem(const KeyValue &variable)
{
    if (variable.name.isEmpty())
        return QStringLiteral("the variable has no name");
    if (!isIdentifier(variable.name))
        return QStringLiteral("variable name '%1' is not a valid identifier (letters, digits, _ and $, not "
                              "starting with a digit)")
            .arg(variable.name);
    if (JavaScriptIdentifier::isReservedWord(variable.name))
        return reservedWordProblem(QStringLiteral("variable"), variable.name);
    return {};
}

namespace {

// A bearer token or a JWT, as written.
bool looksLikeToken(const QString &value)
{
    const bool bearer = value.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive) &&
        value.mid(7).trimmed().size() >= 8 && !value.mid(7).trimmed().contains(QLatin1Char(' '));
    const bool jwt = value.startsWith(QLatin1String("eyJ")) && value.count(QLatin1Char('.')) >= 2 &&
        !value.contains(QLatin1Char(' '));
    return bearer || jwt;
}

// The words of a value's text written outside its {{ expressions }}: what would be saved in the file as
// typed. Words end at spaces and at the separators of cookies and parameters (;,=&).
QStringList literalWords(const QString &value)
{
    QStringList words;
    QString word;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value.at(i) == QLatin1Char('{') && i + 1 < value.size() && value.at(i + 1) == QLatin1Char('{')) {
            const qsizetype close = value.indexOf(QLatin1String("}}"), i + 2);
            i = close < 0 ? value.size() : close + 1;
        } else if (!value.at(i).isSpace() && !QStringView(u";,=&").contains(value.at(i))) {
            word += value.at(i);
            continue;
        }
        if (!word.isEmpty())
            words.append(std::exchange(word, {}));
    }
    if (!word.isEmpty())
        words.append(word);
    return words;
}

// A key, a session id or a token written as is: 8 or more of a token's characters, letters and digits both.
bool looksOpaque(const QString &word)
{
    bool letter = false;
    bool digit = false;
    for (const QChar c : word) {
        if (c.isDigit())
            digit = true;
        else if (c.isLetter())
            letter = true;
        else if (!QStringView(u"-_.+/~").contains(c))
            return false;
    }
    return word.size() >= 8 && letter && digit;
}

} // namespace

QString WorkspaceValidator::secretLookingHeader(const KeyValue &header)
{
    const QString value = header.value.trimmed();
    if (value.isEmpty())
        return {};
    const QString name = header.name.trimmed().toLower();
    static const char *const credentialHeaders[] = {
        "authorization", "proxy-authorization", "cookie",        "x-api-key", "api-key",
        "apikey",        "x-auth-token",        "x-access-token"};
    const bool credential = std::any_of(std::begin(credentialHeaders), std::end(credentialHeaders),
                                        [&name](const char *known) { return name == QLatin1String(known); });
    if (value.contains(QLatin1String("{{"))) {
        // `Bearer {{ TOKEN }}` is how it's meant; a key typed beside the expression is still in the file
        // (QA pass 46: `Bearer {{ TOKEN }}x7Kd93hQ2m` went unsaid).
        const QStringList words = literalWords(value);
        const bool typedBeside = std::any_of(words.begin(), words.end(), [credential](const QString &word) {
            return (credential && looksOpaque(word)) || looksLikeToken(word);
        });
        return typedBeside ? QStringLiteral("a credential is written beside its {{ expression }}")
                           : QString();
    }
    if (credential)
        return QStringLiteral("the %1 header carries credentials").arg(header.name.trimmed());
    if (looksLikeToken(value))
        return QStringLiteral("its value looks like a token");
    return {};
}

QString WorkspaceValidator::secretLookingVariable(const KeyValue &variable)
{
    // Plain string tests, no regular expressions: the variables table asks for every cell it paints, the
    // first frame of the studio included.
    const QString value = variable.value.trimmed();
    if (value.isEmpty() || value.contains(QLatin1String("{{")))
        return {};
    if (looksLikeToken(value))
        return QStringLiteral("its value looks like a token");
    // TOKEN_URL, TOKEN_TTL and SECRET_NAME=true hold no secret.
    const bool address = value.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) ||
        value.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
    const bool number = std::all_of(value.cbegin(), value.cend(),
                                    [](QChar c) { return c.isDigit() || c == QLatin1Char('.'); });
    const bool word = value.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 ||
        value.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0 ||
        value.compare(QLatin1String("null"), Qt::CaseInsensitive) == 0;
    if (address || number || word)
        return {};
    const QString name = variable.name.toUpper();
    static const char *const secretWords[] = {"PASSWORD",    "PASSWD",    "PWD",     "SECRET",
                                              "TOKEN",       "APIKEY",    "API_KEY", "PRIVATEKEY",
                                              "PRIVATE_KEY", "CREDENTIAL"};
    for (const char *secretWord : secretWords) {
        if (name.contains(QLatin1String(secretWord)))
            return QStringLiteral("its name says it holds a secret");
    }
    // Abbreviations only as a word of the name (DB_PASS, SMTP_PW), not inside one (COMPASS_HOST).
    const QStringList words = name.split(QLatin1Char('_'), Qt::SkipEmptyParts);
    if (words.contains(QLatin1String("PASS")) || words.contains(QLatin1String("PW")))
        return QStringLiteral("its name says it holds a secret");
    return {};
}

bool WorkspaceValidator::holdsLiteralSecret(const DefineVariableStep &variable)
{
    if (!variable.secret || variable.value.isEmpty())
        return false;
    const auto parsed = Template::parse(variable.value);
    return !parsed->isValid() || !parsed->hasExpressions();
}

QString WorkspaceValidator::describePlace(const Workspace &workspace, const QString &pointer)
{
    QStringList parts = pointer.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const auto take = [&parts]() { return parts.isEmpty() ? QString() : parts.takeFirst(); };
    const auto takeIndex = [&take](int size) {
        bool ok = false;
        const int index = take().toInt(&ok);
        return ok && index >= 0 && index < size ? index : -1;
    };
    // The rows of a table, counted from 1 as people do: "header 2's name".
    const auto row = [&take, &parts](const QString &noun) {
        const int index = take().toInt();
        const QString field = take();
        return field.isEmpty() || parts.size() > 0
            ? QStringLiteral("%1 %2").arg(noun).arg(index + 1)
            : QStringLiteral("%1 %2's %3").arg(noun).arg(index + 1).arg(field);
    };
    QStringList words;
    QString section = take();
    if (section == QLatin1String("variables"))
        return row(QStringLiteral("workspace variable"));
    const Resource *resource = nullptr;
    if (section == QLatin1String("resource") && !workspace.resources.isEmpty()) {
        resource = &workspace.resources.first();
    } else if (section == QLatin1String("resources")) {
        const int index = takeIndex(int(workspace.resources.size()));
        if (index < 0)
            return pointer;
        resource = &workspace.resources.at(index);
    }
    if (!resource)
        return pointer;
    words.append(QStringLiteral("resource '%1'").arg(resource->name));
    section = take();
    if (section == QLatin1String("headers")) {
        words.append(row(QStringLiteral("header")));
    } else if (section == QLatin1String("urlParameters")) {
        words.append(row(QStringLiteral("URL parameter")));
    } else if (section == QLatin1String("auth")) {
        section = take();
        const bool refresh = section == QLatin1String("refreshWorkflow");
        if (refresh || section == QLatin1String("authWorkflow")) {
            words.append(refresh ? QStringLiteral("refresh workflow") : QStringLiteral("auth workflow"));
            const Workflow &workflow =
                refresh ? resource->customAuth.refreshWorkflow : resource->customAuth.authWorkflow;
            const int step = takeIndex(int(workflow.steps.size()));
            if (step >= 0) {
                words.append(QStringLiteral("step '%1'").arg(stepName(workflow.steps.at(step))));
                section = take();
                if (section == QLatin1String("fields"))
                    words.append(row(QStringLiteral("field")));
                else if (section == QLatin1String("headers"))
                    words.append(row(QStringLiteral("header")));
                else if (section == QLatin1String("queryParameters"))
                    words.append(row(QStringLiteral("query parameter")));
                else if (section == QLatin1String("body") && parts.value(0) != QLatin1String("fields"))
                    words.append(QStringLiteral("body"));
                else if (section == QLatin1String("body") && !take().isEmpty())
                    words.append(row(QStringLiteral("body field")));
                else if (section == QLatin1String("timeoutMs"))
                    words.append(QStringLiteral("timeout"));
                else if (!section.isEmpty())
                    words.append(section == QLatin1String("url") ? QStringLiteral("URL") : section);
            }
        } else if (section == QLatin1String("refresh") && parts.value(0) == QLatin1String("onBodyPattern")) {
            words.append(QStringLiteral("refresh on body"));
        } else if (section == QLatin1String("loginTimeoutSeconds")) {
            words.append(QStringLiteral("login timeout"));
        } else if (!section.isEmpty()) {
            words.append(section);
        }
    } else if (!section.isEmpty()) {
        words.append(section);
    }
    return words.join(QStringLiteral(", "));
}

QList<WorkspaceValidator::Problem> WorkspaceValidator::validate(const Workspace &workspace)
{
    QList<Problem> problems;
    QSet<QString> variableNames;
    for (int i = 0; i < workspace.variables.size(); ++i) {
        const QString name = workspace.variables.at(i).name;
        const QString pointer = QStringLiteral("/variables/%1/name").arg(i);
        if (const QString problem = variableNameProblem(workspace.variables.at(i)); !problem.isEmpty())
            problems.append({pointer, problem});
        else if (variableNames.contains(name))
            problems.append({pointer, QStringLiteral("duplicate workspace variable '%1'").arg(name)});
        variableNames.insert(name);
    }

    QSet<QString> resourceNames;
    for (int r = 0; r < workspace.resources.size(); ++r) {
        const Resource &resource = workspace.resources.at(r);
        const QString pointer = QStringLiteral("/resources/%1").arg(r);
        if (resource.name.trimmed().isEmpty())
            problems.append(
                {pointer + QStringLiteral("/name"), QStringLiteral("the resource name is empty")});
        else if (resourceNames.contains(resource.name))
            problems.append({pointer + QStringLiteral("/name"),
                             QStringLiteral("duplicate resource name '%1'").arg(resource.name)});
        resourceNames.insert(resource.name);
        validateHeaderRows(resource.headers, pointer + QStringLiteral("/headers"), problems);
        validateRows(resource.urlParameters, pointer + QStringLiteral("/urlParameters"), problems);
        // Checked whatever the method: the configuration is kept (and saved) when custom auth is off.
        for (bool refresh : {false, true}) {
            const Workflow &workflow =
                refresh ? resource.customAuth.refreshWorkflow : resource.customAuth.authWorkflow;
            validateWorkflow(workflow, pointer + QStringLiteral("/auth/") + workflowKey(refresh),
                             variableNames, problems);
        }
        if (const QRegularExpression pattern(resource.customAuth.refreshOnBodyPattern); !pattern.isValid()) {
            // An invalid pattern matches nothing: the refresh it is meant to start would never run.
            problems.append({pointer + QStringLiteral("/auth/refresh/onBodyPattern"),
                             QStringLiteral("not a valid regular expression: %1 (at character %2)")
                                 .arg(pattern.errorString())
                                 .arg(pattern.patternErrorOffset() + 1)});
        }
        if (resource.customAuth.loginTimeoutSeconds < 0)
            problems.append({pointer + QStringLiteral("/auth/loginTimeoutSeconds"),
                             QStringLiteral("the login timeout can't be negative")});
        if (const QString problem = lifetimeProblem(resource.customAuth); !problem.isEmpty())
            problems.append({pointer + QStringLiteral("/auth/refresh/expiresIn"), problem});
    }
    return problems;
}

QString WorkspaceValidator::lifetimeMissing(const CustomAuth &auth)
{
    if (auth.refreshTrigger != CustomAuth::RefreshTrigger::TimeBased || !auth.expiresIn.trimmed().isEmpty())
        return {};
    return QStringLiteral(
        "time-based refresh has no session lifetime set, so it is off: until one is set, the "
        "session is refreshed only after a failed query");
}

QString WorkspaceValidator::loginTestUrlMissing(const CustomAuth &auth)
{
    if (!auth.loginTestEnabled || auth.testsLogin())
        return {};
    return QStringLiteral("the login test is on but has no URL, so it is off: a stored session is used "
                          "without being checked first");
}

QString WorkspaceValidator::requestUrlProblem(const QString &url)
{
    if (url.trimmed().isEmpty())
        return QStringLiteral("the URL is empty: a request needs the address to send it to");
    return urlProblem(url);
}

QString WorkspaceValidator::urlProblem(const QString &url)
{
    const QString text = url.trimmed();
    if (text.isEmpty())
        return {};
    const std::shared_ptr<const Template> parsed = Template::parse(text);
    const QList<Template::Part> &parts = parsed->parts();
    const bool expressionFollows = parts.size() > 1;
    // What it starts with as written; "{{ DEMO_API }}/login" leaves it to the expression's value.
    if (!parts.isEmpty() && parts.first().kind == Template::Part::Kind::Literal) {
        const QString start = parts.first().text.toLower();
        const bool httpStart =
            start.startsWith(QLatin1String("http://")) || start.startsWith(QLatin1String("https://"));
        // "http{{ S }}://": the scheme may be finished by the expression.
        const bool partOfScheme = expressionFollows &&
            (QStringLiteral("https://").startsWith(start) || QStringLiteral("http://").startsWith(start));
        if (!httpStart && !partOfScheme)
            return QStringLiteral("not an http:// or https:// address: it doesn't start with either");
    }
    // Written anywhere, between expressions too ("{{ API }} /login"): no address has one (QA pass 41).
    for (const Template::Part &part : parts) {
        if (part.kind == Template::Part::Kind::Literal &&
            std::any_of(part.text.cbegin(), part.text.cend(), [](QChar c) { return c.isSpace(); }))
            return QStringLiteral("not a valid address: it has a space or tab (write a space as %20)");
    }
    if (parts.isEmpty() || expressionFollows || parts.first().kind != Template::Part::Kind::Literal)
        return {};
    const QUrl address(text, QUrl::StrictMode);
    if (address.isValid() && address.host().isEmpty())
        return QStringLiteral("not a valid address: no server name after the scheme");
    if (!address.isValid()) // Qt says what ("Invalid port or port number out of range"), then the source
        return QStringLiteral("not a valid address: %1").arg(address.errorString().section(u';', 0, 0));
    return {};
}

QString WorkspaceValidator::kindNotRunYet(const Resource &resource)
{
    if (resource.kind == Resource::Kind::Rest)
        return {};
    return QStringLiteral("its kind, %1, isn't supported yet: its login and queries run as a REST API's")
        .arg(Resource::kindId(resource.kind));
}

QString WorkspaceValidator::lifetimeProblem(const CustomAuth &auth)
{
    const QString text = auth.expiresIn.trimmed();
    // A computed lifetime is checked when a login computes it; none at all leaves the trigger off, which
    // a run says. A number written out can be judged now.
    if (auth.refreshTrigger != CustomAuth::RefreshTrigger::TimeBased || text.isEmpty() ||
        Template::parse(text)->hasExpressions())
        return {};
    bool number = false;
    const double seconds = text.toDouble(&number);
    if (!number)
        return QStringLiteral("the session lifetime '%1' is not a number of seconds; write seconds, or an "
                              "{{ expression }} such as {{ http1.body.expires_in }}")
            .arg(text);
    if (seconds < 1)
        return QStringLiteral("the session lifetime must be at least 1 second, not %1").arg(text);
    return {};
}

} // namespace AuthStudio
