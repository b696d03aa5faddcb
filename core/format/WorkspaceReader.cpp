#include "WorkspaceReader.h"

#include "WorkspaceFormat.h"
#include "WorkspaceValidator.h"
#include "run/JsonDuplicateKey.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace AuthStudio {

namespace {

// Thrown and caught inside this file only; callers get a FormatError.
struct ReadFailure
{
    QString pointer;
    QString reason;
};

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

QString escapePointerToken(QString key)
{
    return key.replace(QLatin1Char('~'), QStringLiteral("~0"))
        .replace(QLatin1Char('/'), QStringLiteral("~1"));
}

// Past this many, a file is more likely something else than a workspace with typos: the rest are left out.
constexpr qsizetype MaxFailures = 100;

// A JSON object with the pointer it sits at, offering typed, strict access to its members. A member that
// breaks the format is noted in `failures` and read as its default, so that one pass names every such
// problem in the file (QA pass 38: one round trip per typo); an object that isn't one reads as empty,
// noted once, without a "missing key" for each of its members.
class ObjectReader
{
public:
    ObjectReader(const QJsonValue &value, const QString &pointer, QStringList allowedKeys,
                 QList<ReadFailure> *failures)
        : m_pointer(pointer)
        , m_failures(failures)
    {
        if (!value.isObject()) {
            fail(pointer.isEmpty() ? QStringLiteral("/") : pointer,
                 QStringLiteral("expected an object, found %1").arg(typeName(value)));
            m_valid = false;
            return;
        }
        m_object = value.toObject();
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            if (!allowedKeys.contains(it.key()))
                fail(child(it.key()),
                     QStringLiteral("unknown key '%1' (expected one of: %2)")
                         .arg(it.key(), allowedKeys.join(QStringLiteral(", "))));
        }
    }

    QList<ReadFailure> *failures() const { return m_failures; }
    void fail(const QString &pointer, const QString &reason) const
    {
        if (m_failures->size() < MaxFailures)
            m_failures->append({pointer, reason});
    }

    QString child(const QString &key) const { return m_pointer + QLatin1Char('/') + escapePointerToken(key); }
    bool has(const QString &key) const { return m_object.contains(key); }
    QJsonValue value(const QString &key) const { return m_object.value(key); }

    QString string(const QString &key, const std::optional<QString> &fallback = std::nullopt) const
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined()) {
            if (!fallback && m_valid)
                fail(child(key), QStringLiteral("required key '%1' is missing").arg(key));
            return fallback.value_or(QString());
        }
        if (!v.isString()) {
            fail(child(key), QStringLiteral("expected a string, found %1").arg(typeName(v)));
            return fallback.value_or(QString());
        }
        return v.toString();
    }

    bool boolean(const QString &key, bool fallback) const
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined())
            return fallback;
        if (!v.isBool()) {
            fail(child(key), QStringLiteral("expected a boolean, found %1").arg(typeName(v)));
            return fallback;
        }
        return v.toBool();
    }

    int integer(const QString &key, std::optional<int> fallback) const
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined()) {
            if (!fallback && m_valid)
                fail(child(key), QStringLiteral("required key '%1' is missing").arg(key));
            return fallback.value_or(0);
        }
        const double d = v.toDouble();
        // Range first: converting an out-of-range double to an integer is undefined behaviour.
        if (!v.isDouble() || d < -2147483648.0 || d > 2147483647.0 || d != double(qint64(d))) {
            fail(child(key),
                 QStringLiteral("expected an integer, found %1")
                     .arg(v.isDouble() ? QString::number(d) : typeName(v)));
            return fallback.value_or(0);
        }
        return int(d);
    }

    QJsonArray array(const QString &key) const
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined())
            return {};
        if (!v.isArray()) {
            fail(child(key), QStringLiteral("expected an array, found %1").arg(typeName(v)));
            return {};
        }
        return v.toArray();
    }

    template<typename Enum>
    Enum choice(const QString &key, const QList<std::pair<QString, Enum>> &choices,
                std::optional<Enum> fallback) const
    {
        const Enum otherwise = fallback.value_or(choices.constFirst().second);
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() && (fallback || !m_valid))
            return otherwise;
        if (!v.isString()) {
            string(key); // notes it missing, or not a string
            return otherwise;
        }
        const QString text = v.toString();
        QStringList names;
        for (const auto &[name, item] : choices) {
            if (name == text)
                return item;
            names.append(name);
        }
        fail(child(key),
             QStringLiteral("unknown value '%1' (expected one of: %2)")
                 .arg(text, names.join(QStringLiteral(", "))));
        return otherwise;
    }

private:
    QJsonObject m_object;
    QString m_pointer;
    QList<ReadFailure> *m_failures;
    bool m_valid = true;
};

KeyValueList readKeyValues(const ObjectReader &parent, const QString &key)
{
    KeyValueList rows;
    const QJsonArray array = parent.array(key);
    for (int i = 0; i < array.size(); ++i) {
        ObjectReader row(array.at(i), parent.child(key) + QLatin1Char('/') + QString::number(i),
                         {QStringLiteral("name"), QStringLiteral("value"), QStringLiteral("enabled")},
                         parent.failures());
        rows.append({row.string(QStringLiteral("name")), row.string(QStringLiteral("value"), QString()),
                     row.boolean(QStringLiteral("enabled"), true)});
    }
    return rows;
}

RequestBody readBody(const ObjectReader &parent, const QString &key)
{
    RequestBody body;
    if (!parent.has(key))
        return body;
    ObjectReader reader(parent.value(key), parent.child(key),
                        {QStringLiteral("kind"), QStringLiteral("text"), QStringLiteral("fields"),
                         QStringLiteral("contentType")},
                        parent.failures());
    body.kind = reader.choice<RequestBody::Kind>(QStringLiteral("kind"),
                                                 {{QStringLiteral("none"), RequestBody::Kind::None},
                                                  {QStringLiteral("json"), RequestBody::Kind::Json},
                                                  {QStringLiteral("form"), RequestBody::Kind::FormUrlEncoded},
                                                  {QStringLiteral("raw"), RequestBody::Kind::Raw}},
                                                 std::nullopt);
    body.text = reader.string(QStringLiteral("text"), QString());
    body.fields = readKeyValues(reader, QStringLiteral("fields"));
    body.contentType = reader.string(QStringLiteral("contentType"), QString());
    return body;
}

// A step that can't be read is noted, and read as an empty form, which is never used: the read fails.
Step readStep(const QJsonValue &value, const QString &pointer, QList<ReadFailure> *failures)
{
    const auto fail = [failures](const QString &at, const QString &reason) {
        if (failures->size() < MaxFailures)
            failures->append({at, reason});
        return FormStep();
    };
    if (!value.isObject())
        return fail(pointer, QStringLiteral("expected a step object, found %1").arg(typeName(value)));
    const QString type = value.toObject().value(QStringLiteral("type")).toString();
    const QStringList common {QStringLiteral("type"), QStringLiteral("name"), QStringLiteral("enabled")};

    if (type == QLatin1String("form")) {
        ObjectReader reader(value, pointer, common + QStringList {QStringLiteral("fields")}, failures);
        FormStep step;
        step.name = reader.string(QStringLiteral("name"));
        step.enabled = reader.boolean(QStringLiteral("enabled"), true);
        const QJsonArray fields = reader.array(QStringLiteral("fields"));
        for (int i = 0; i < fields.size(); ++i) {
            ObjectReader field(fields.at(i),
                               reader.child(QStringLiteral("fields")) + QStringLiteral("/%1").arg(i),
                               {QStringLiteral("key"), QStringLiteral("label"), QStringLiteral("type"),
                                QStringLiteral("required")},
                               failures);
            FormField f;
            f.key = field.string(QStringLiteral("key"));
            f.label = field.string(QStringLiteral("label"), f.key);
            f.type = field.choice<FormField::Type>(QStringLiteral("type"),
                                                   {{QStringLiteral("text"), FormField::Type::Text},
                                                    {QStringLiteral("email"), FormField::Type::Email},
                                                    {QStringLiteral("password"), FormField::Type::Password}},
                                                   FormField::Type::Text);
            f.required = field.boolean(QStringLiteral("required"), true);
            step.fields.append(f);
        }
        return step;
    }
    if (type == QLatin1String("apiRequest")) {
        ObjectReader reader(value, pointer,
                            common +
                                QStringList {QStringLiteral("method"), QStringLiteral("url"),
                                             QStringLiteral("headers"), QStringLiteral("queryParameters"),
                                             QStringLiteral("body"), QStringLiteral("timeoutMs")},
                            failures);
        ApiRequestStep step;
        step.name = reader.string(QStringLiteral("name"));
        step.enabled = reader.boolean(QStringLiteral("enabled"), true);
        step.method = reader.string(QStringLiteral("method"), QStringLiteral("GET")).toUpper();
        step.url = reader.string(QStringLiteral("url"));
        step.headers = readKeyValues(reader, QStringLiteral("headers"));
        step.queryParameters = readKeyValues(reader, QStringLiteral("queryParameters"));
        step.body = readBody(reader, QStringLiteral("body"));
        step.timeoutMs = reader.integer(QStringLiteral("timeoutMs"), ApiRequestStep::DefaultTimeoutMs);
        return step;
    }
    if (type == QLatin1String("javascript")) {
        ObjectReader reader(value, pointer, common + QStringList {QStringLiteral("code")}, failures);
        JavaScriptStep step;
        step.name = reader.string(QStringLiteral("name"));
        step.enabled = reader.boolean(QStringLiteral("enabled"), true);
        step.code = reader.string(QStringLiteral("code"), QString());
        return step;
    }
    if (type == QLatin1String("defineVariable")) {
        ObjectReader reader(value, pointer,
                            common + QStringList {QStringLiteral("value"), QStringLiteral("secret")},
                            failures);
        DefineVariableStep step;
        step.name = reader.string(QStringLiteral("name"));
        step.enabled = reader.boolean(QStringLiteral("enabled"), true);
        step.value = reader.string(QStringLiteral("value"), QString());
        step.secret = reader.boolean(QStringLiteral("secret"), false);
        return step;
    }
    const QJsonValue typeValue = value.toObject().value(QStringLiteral("type"));
    if (typeValue.isUndefined())
        return fail(pointer + QStringLiteral("/type"), QStringLiteral("required key 'type' is missing"));
    return fail(pointer + QStringLiteral("/type"),
                QStringLiteral("unknown step type '%1' (expected one of: form, apiRequest, javascript, "
                               "defineVariable)")
                    .arg(typeValue.isString() ? typeValue.toString() : typeName(typeValue)));
}

Workflow readWorkflow(const ObjectReader &parent, const QString &key)
{
    Workflow workflow;
    const QJsonArray array = parent.array(key);
    for (int i = 0; i < array.size(); ++i)
        workflow.steps.append(readStep(array.at(i), parent.child(key) + QLatin1Char('/') + QString::number(i),
                                       parent.failures()));
    return workflow;
}

void readAuth(const ObjectReader &parent, Resource &resource)
{
    if (!parent.has(QStringLiteral("auth")))
        return;
    ObjectReader auth(parent.value(QStringLiteral("auth")), parent.child(QStringLiteral("auth")),
                      {QStringLiteral("method"), QStringLiteral("authWorkflow"),
                       QStringLiteral("refreshWorkflow"), QStringLiteral("loginTest"),
                       QStringLiteral("runWithoutPrompt"), QStringLiteral("refresh"),
                       QStringLiteral("loginTimeoutSeconds")},
                      parent.failures());
    resource.authMethod =
        auth.choice<Resource::AuthMethod>(QStringLiteral("method"),
                                          {{QStringLiteral("none"), Resource::AuthMethod::None},
                                           {QStringLiteral("custom"), Resource::AuthMethod::Custom}},
                                          Resource::AuthMethod::None);
    CustomAuth &custom = resource.customAuth;
    custom.authWorkflow = readWorkflow(auth, QStringLiteral("authWorkflow"));
    custom.refreshWorkflow = readWorkflow(auth, QStringLiteral("refreshWorkflow"));
    custom.runWithoutPrompt = auth.boolean(QStringLiteral("runWithoutPrompt"), false);
    custom.loginTimeoutSeconds = auth.integer(QStringLiteral("loginTimeoutSeconds"), 0);
    if (auth.has(QStringLiteral("loginTest"))) {
        ObjectReader test(auth.value(QStringLiteral("loginTest")), auth.child(QStringLiteral("loginTest")),
                          {QStringLiteral("enabled"), QStringLiteral("url")}, parent.failures());
        custom.loginTestEnabled = test.boolean(QStringLiteral("enabled"), false);
        custom.loginTestUrl = test.string(QStringLiteral("url"), QString());
    }
    if (auth.has(QStringLiteral("refresh"))) {
        ObjectReader refresh(auth.value(QStringLiteral("refresh")), auth.child(QStringLiteral("refresh")),
                             {QStringLiteral("trigger"), QStringLiteral("expiresIn"),
                              QStringLiteral("onStatuses"), QStringLiteral("onBodyPattern")},
                             parent.failures());
        custom.refreshTrigger = refresh.choice<CustomAuth::RefreshTrigger>(
            QStringLiteral("trigger"),
            {{QStringLiteral("none"), CustomAuth::RefreshTrigger::None},
             {QStringLiteral("timeBased"), CustomAuth::RefreshTrigger::TimeBased},
             {QStringLiteral("everyQuery"), CustomAuth::RefreshTrigger::EveryQuery}},
            CustomAuth::RefreshTrigger::None);
        custom.expiresIn = refresh.string(QStringLiteral("expiresIn"), QString());
        const QJsonArray statuses = refresh.array(QStringLiteral("onStatuses"));
        for (int i = 0; i < statuses.size(); ++i) {
            const int status = statuses.at(i).toInt(-1);
            if (!statuses.at(i).isDouble() || status < 100 || status > 599) {
                refresh.fail(refresh.child(QStringLiteral("onStatuses")) + QStringLiteral("/%1").arg(i),
                             QStringLiteral("expected an HTTP status between 100 and 599"));
                continue;
            }
            custom.refreshOnStatuses.append(status);
        }
        custom.refreshOnBodyPattern = refresh.string(QStringLiteral("onBodyPattern"), QString());
    }
}

Resource readResourceObject(const QJsonValue &value, const QString &pointer, QList<ReadFailure> *failures)
{
    ObjectReader reader(value, pointer,
                        {QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("baseUrl"),
                         QStringLiteral("headers"), QStringLiteral("urlParameters"),
                         QStringLiteral("bodyDefaults"), QStringLiteral("auth")},
                        failures);
    Resource resource;
    resource.name = reader.string(QStringLiteral("name"));
    resource.kind = reader.choice<Resource::Kind>(QStringLiteral("kind"),
                                                  {{QStringLiteral("rest"), Resource::Kind::Rest},
                                                   {QStringLiteral("graphql"), Resource::Kind::GraphQL},
                                                   {QStringLiteral("openapi"), Resource::Kind::OpenApi},
                                                   {QStringLiteral("grpc"), Resource::Kind::Grpc}},
                                                  Resource::Kind::Rest);
    resource.baseUrl = reader.string(QStringLiteral("baseUrl"), QString());
    resource.headers = readKeyValues(reader, QStringLiteral("headers"));
    resource.urlParameters = readKeyValues(reader, QStringLiteral("urlParameters"));
    resource.bodyDefaults = readKeyValues(reader, QStringLiteral("bodyDefaults"));
    readAuth(reader, resource);
    return resource;
}

// Checks the format name and version before anything else is read.
void checkHeader(const QJsonObject &root, const QString &expectedFormat)
{
    const QJsonValue format = root.value(QStringLiteral("format"));
    // The other kind of Auth Studio file: say which it is, rather than that it isn't one of ours.
    const QString workspace = WorkspaceFormat::formatName();
    const QString resource = WorkspaceFormat::resourceFormatName();
    if (format.toString() == (expectedFormat == workspace ? resource : workspace)) {
        throw ReadFailure {
            QStringLiteral("/format"),
            expectedFormat == workspace
                ? QStringLiteral("this is a resource exported on its own, not a workspace; "
                                 "import it into a workspace (expected \"format\": \"%1\")")
                      .arg(expectedFormat)
                : QStringLiteral("this is a workspace, not a resource exported on its own; open "
                                 "it as a workspace (expected \"format\": \"%1\")")
                      .arg(expectedFormat)};
    }
    if (!format.isString() || format.toString() != expectedFormat)
        throw ReadFailure {
            QStringLiteral("/format"),
            QStringLiteral("not an Auth Studio file (expected \"format\": \"%1\")").arg(expectedFormat)};
    const QJsonValue version = root.value(QStringLiteral("formatVersion"));
    // Read as a double: a version past int's range is still a newer one (QA pass 47: 1e30 was called
    // "not a positive integer").
    const double number = version.toDouble();
    if (!version.isDouble() || !std::isfinite(number) || number != std::floor(number) || number < 1)
        throw ReadFailure {QStringLiteral("/formatVersion"),
                           QStringLiteral("expected a positive integer format version")};
    if (number > WorkspaceFormat::FormatVersion)
        throw ReadFailure {
            QStringLiteral("/formatVersion"),
            QStringLiteral("the file has format version %1, written by a newer Auth Studio; this "
                           "version reads format versions up to %2. Update Auth Studio to open it.")
                .arg(QString::number(number, 'g', 16))
                .arg(WorkspaceFormat::FormatVersion)};
}

QString lineColumn(const QByteArray &data, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < data.size(); ++i) {
        if (data.at(i) == '\n') {
            ++line;
            column = 1;
        } else if ((data.at(i) & 0xC0) != 0x80) { // count characters, not UTF-8 continuation bytes
            ++column;
        }
    }
    return QStringLiteral("%1:%2").arg(line).arg(column);
}

std::optional<QJsonObject> parseRoot(const QByteArray &data, const QString &fileName,
                                     QList<FormatError> &errors)
{
    FormatError error;
    const auto failed = [&errors, &error] {
        errors = {error};
        return std::optional<QJsonObject>();
    };
    // A UTF-8 byte order mark (which Qt's parser skips) and nothing else is an empty file too.
    if ((data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data).trimmed().isEmpty()) {
        error = {fileName, QStringLiteral("1:1"), QStringLiteral("the file is empty")};
        return failed();
    }
    // Saved as UTF-16 by an editor (Notepad's "Unicode"): Qt's parser stops at the first byte, and
    // "illegal value at 1:1" didn't say why (QA pass 47).
    // Without a byte order mark, ASCII text in UTF-16 has every other byte NUL.
    const auto utf16WithoutMark = [&data](int zero) {
        return data.size() >= 4 && data.at(zero) == '\0' && data.at(zero + 2) == '\0' &&
            data.at(1 - zero) != '\0' && data.at(3 - zero) != '\0';
    };
    if (data.startsWith("\xFF\xFE") || data.startsWith("\xFE\xFF") || utf16WithoutMark(0) ||
        utf16WithoutMark(1)) {
        error = {fileName, QStringLiteral("1:1"),
                 QStringLiteral("the file is UTF-16 text; workspace files are UTF-8: save it as UTF-8")};
        return failed();
    }
    // Anything else with a NUL byte is no text at all (an image, an archive, a file the disk lost).
    if (const qsizetype nul = data.indexOf('\0'); nul >= 0) {
        error = {
            fileName, lineColumn(data, int(nul)),
            QStringLiteral("the file holds binary data (a NUL byte), not JSON text: is it the right file?")};
        return failed();
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Qt's parser reports the position just after the character it stopped at: the place named is
        // that character (QA pass 22 counted one column too far).
        error = {fileName, lineColumn(data, qMax(0, parseError.offset - 1)),
                 QStringLiteral("invalid JSON: %1").arg(parseError.errorString())};
        return failed();
    }
    if (!document.isObject()) {
        error = {fileName, QStringLiteral("/"), QStringLiteral("expected a JSON object at the top level")};
        return failed();
    }
    // Each repeated key, so that a file merged by hand is put right in one go.
    const QList<JsonDuplicateKey::Found> duplicates = JsonDuplicateKey::findAll(data);
    if (!duplicates.isEmpty()) {
        errors.clear();
        for (const JsonDuplicateKey::Found &duplicate : duplicates) {
            errors.append({fileName, lineColumn(data, int(duplicate.offset)),
                           QStringLiteral("the key \"%1\" appears twice in one object; only one value can be "
                                          "kept, so remove the other")
                               .arg(duplicate.key)});
        }
        return std::nullopt;
    }
    return document.object();
}

QList<FormatError> asErrors(const QList<ReadFailure> &failures, const QString &fileName)
{
    QList<FormatError> errors;
    for (const ReadFailure &failure : failures)
        errors.append({fileName, failure.pointer, failure.reason});
    return errors;
}

} // namespace

std::optional<Workspace> WorkspaceReader::readFile(const QString &path)
{
    return readWorkspaceFile(path, Rules::Apply);
}

std::optional<Workspace> WorkspaceReader::readRecoveryFile(const QString &path)
{
    return readWorkspaceFile(path, Rules::Skip);
}

std::optional<Workspace> WorkspaceReader::readWithoutRules(const QByteArray &data, const QString &fileName)
{
    return readWorkspace(data, fileName, Rules::Skip);
}

std::optional<Workspace> WorkspaceReader::readWorkspaceFile(const QString &path, Rules rules)
{
    const std::optional<QByteArray> data = readBytes(path);
    if (!data)
        return std::nullopt;
    return readWorkspace(*data, path, rules);
}

namespace {

// Opens `file` for reading. A named pipe is opened without waiting for something to write to it: open()
// waits for that forever, and a FIFO given by mistake hung the CLI (and would have hung the studio's
// reading thread, and its quitting). *isPipe says that it is one.
bool openForReading(QFile &file, bool *isPipe)
{
    *isPipe = false;
#ifdef Q_OS_UNIX
    const QByteArray name = QFile::encodeName(file.fileName());
    struct stat status;
    if (::stat(name.constData(), &status) == 0 && S_ISFIFO(status.st_mode)) {
        const int fd = ::open(name.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd >= 0) {
            *isPipe = true;
            // Reads wait for the writer's data again; with no writer, the pipe reads as empty at once.
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
            return file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle);
        }
    }
#endif
    return file.open(QIODevice::ReadOnly);
}

} // namespace

std::optional<QByteArray> WorkspaceReader::readBytes(const QString &path)
{
    QFile file(path);
    bool isPipe = false;
    if (!openForReading(file, &isPipe)) {
        failOnProblems({{path, {}, QStringLiteral("can't open the file: %1").arg(file.errorString())}});
        return std::nullopt;
    }
    const QString tooLarge = QStringLiteral("the file is larger than %1 MiB, more than any workspace holds: "
                                            "is it the right file?")
                                 .arg(maxFileSize / (1024 * 1024));
    if (!file.isSequential() && file.size() > maxFileSize) {
        failOnProblems({{path, {}, tooLarge}});
        return std::nullopt;
    }
    // Read in pieces rather than readAll(): a pipe or a device has no size to check beforehand.
    QByteArray data;
    QByteArray piece(1024 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 count = file.read(piece.data(), piece.size());
        if (count < 0) {
            failOnProblems({{path, {}, QStringLiteral("can't read the file: %1").arg(file.errorString())}});
            return std::nullopt;
        }
        if (count == 0)
            break;
        if (data.size() + count > maxFileSize) {
            failOnProblems({{path, {}, tooLarge}});
            return std::nullopt;
        }
        data.append(piece.constData(), count);
    }
    if (isPipe && data.isEmpty()) {
        failOnProblems({{path, {}, QStringLiteral("the file is a named pipe that nothing wrote to")}});
        return std::nullopt;
    }
    return data;
}

std::optional<Workspace> WorkspaceReader::read(const QByteArray &data, const QString &fileName)
{
    return readWorkspace(data, fileName, Rules::Apply);
}

std::optional<Workspace> WorkspaceReader::readWorkspace(const QByteArray &data, const QString &fileName,
                                                        Rules rules)
{
    QList<FormatError> syntaxErrors;
    const std::optional<QJsonObject> root = parseRoot(data, fileName, syntaxErrors);
    if (!root) {
        failOnProblems(syntaxErrors);
        return std::nullopt;
    }
    try {
        checkHeader(*root, WorkspaceFormat::formatName());
        QList<ReadFailure> failures;
        ObjectReader reader(*root, QString(),
                            {QStringLiteral("format"), QStringLiteral("formatVersion"),
                             QStringLiteral("generator"), QStringLiteral("name"), QStringLiteral("variables"),
                             QStringLiteral("resources")},
                            &failures);
        Workspace workspace;
        workspace.name = reader.string(QStringLiteral("name"), QString());
        workspace.variables = readKeyValues(reader, QStringLiteral("variables"));
        const QJsonArray resources = reader.array(QStringLiteral("resources"));
        for (int i = 0; i < resources.size(); ++i)
            workspace.resources.append(
                readResourceObject(resources.at(i), QStringLiteral("/resources/%1").arg(i), &failures));
        if (failOnProblems(asErrors(failures, fileName)))
            return std::nullopt;
        QList<FormatError> problems;
        if (rules == Rules::Apply) {
            for (const WorkspaceValidator::Problem &problem : WorkspaceValidator::validate(workspace))
                problems.append({fileName, problem.pointer, problem.reason});
        }
        if (failOnProblems(problems))
            return std::nullopt;
        return workspace;
    } catch (const ReadFailure &failure) {
        failOnProblems({{fileName, failure.pointer, failure.reason}});
        return std::nullopt;
    }
}

bool WorkspaceReader::isResourceExport(const QByteArray &data)
{
    const QJsonDocument json = QJsonDocument::fromJson(data);
    return json.object().value(QStringLiteral("format")).toString() == WorkspaceFormat::resourceFormatName();
}

bool WorkspaceReader::failOnProblems(const QList<FormatError> &problems)
{
    m_errors = problems;
    m_error = problems.isEmpty() ? FormatError() : problems.first();
    return !problems.isEmpty();
}

std::optional<Resource> WorkspaceReader::readResource(const QByteArray &data, const QString &fileName)
{
    QList<FormatError> syntaxErrors;
    const std::optional<QJsonObject> root = parseRoot(data, fileName, syntaxErrors);
    if (!root) {
        failOnProblems(syntaxErrors);
        return std::nullopt;
    }
    try {
        checkHeader(*root, WorkspaceFormat::resourceFormatName());
        QList<ReadFailure> failures;
        ObjectReader reader(*root, QString(),
                            {QStringLiteral("format"), QStringLiteral("formatVersion"),
                             QStringLiteral("generator"), QStringLiteral("resource")},
                            &failures);
        if (!reader.has(QStringLiteral("resource")))
            throw ReadFailure {QStringLiteral("/resource"),
                               QStringLiteral("required key 'resource' is missing")};
        Resource resource = readResourceObject(reader.value(QStringLiteral("resource")),
                                               QStringLiteral("/resource"), &failures);
        if (failOnProblems(asErrors(failures, fileName)))
            return std::nullopt;
        Workspace single;
        single.resources.append(resource);
        QList<FormatError> problems;
        for (const WorkspaceValidator::Problem &problem : WorkspaceValidator::validate(single)) {
            QString pointer = problem.pointer;
            pointer.replace(QStringLiteral("/resources/0"), QStringLiteral("/resource"));
            problems.append({fileName, pointer, problem.reason});
        }
        if (failOnProblems(problems))
            return std::nullopt;
        return resource;
    } catch (const ReadFailure &failure) {
        failOnProblems({{fileName, failure.pointer, failure.reason}});
        return std::nullopt;
    }
}

} // namespace AuthStudio
