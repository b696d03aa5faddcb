// The workspace file format: load/save round trips, stable indented output, strict reading with precise
// error places (line:column for bad JSON, JSON pointers for bad fields), refusal of literal secrets,
// atomic saves, single-resource exports, and the JSON Schema that documents the format.
#include "format/FormatError.h"
#include "format/WorkspaceFormat.h"
#include "format/WorkspaceReader.h"
#include "format/WorkspaceValidator.h"
#include "format/WorkspaceWriter.h"
#include "model/Workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

#include <functional>

using namespace AuthStudio;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(AuthStudio::Workspace)
Q_DECLARE_METATYPE(AuthStudio::Resource)

namespace {

QString dataPath(const QString &name)
{
    return QStringLiteral(AUTHSTUDIO_TEST_DATA_DIR "/format/") + name;
}

QString demoWorkspacePath()
{
    return QStringLiteral(AUTHSTUDIO_SOURCE_DIR "/resources/demo/demo-workspace.authstudio.json");
}

QString schemaPath()
{
    return QStringLiteral(AUTHSTUDIO_SOURCE_DIR "/resources/schema/authstudio-workspace.schema.json");
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

QJsonObject parseObject(const QByteArray &data)
{
    return QJsonDocument::fromJson(data).object();
}

// A workspace that sets every field of the model to something other than its default somewhere: all
// four step types, all body kinds, all enum values, disabled rows and steps, both workflows.
Workspace everyFieldWorkspace()
{
    Workspace workspace;
    workspace.name = u"Every field"_s;
    workspace.variables = {{u"API_BASE"_s, u"https://api.example.test"_s, true},
                           {u"REGION"_s, u"eu"_s, false}};

    Resource main;
    main.name = u"Every field"_s;
    main.kind = Resource::Kind::GraphQL;
    main.baseUrl = u"{{ API_BASE }}/v2"_s;
    main.headers = {{u"Authorization"_s, u"Bearer {{ TOKEN }}"_s, true}, {u"X-Debug"_s, u"1"_s, false}};
    main.urlParameters = {{u"region"_s, u"{{ REGION }}"_s, true}};
    main.bodyDefaults = {{u"client"_s, u"auth-studio"_s, true}};
    main.authMethod = Resource::AuthMethod::Custom;

    FormStep form;
    form.name = u"form1"_s;
    form.fields = {{u"email"_s, u"Email"_s, FormField::Type::Email, true},
                   {u"password"_s, u"Password"_s, FormField::Type::Password, true},
                   {u"otp"_s, u"One-time code"_s, FormField::Type::Text, false}};

    ApiRequestStep login;
    login.name = u"http1"_s;
    login.method = u"POST"_s;
    login.url = u"{{ API_BASE }}/login"_s;
    login.headers = {{u"Accept"_s, u"application/json"_s, true}, {u"X-Off"_s, u"x"_s, false}};
    login.queryParameters = {{u"lang"_s, u"en"_s, true}};
    login.body.kind = RequestBody::Kind::Json;
    login.body.text =
        u"{\"email\": \"{{ form1.email }}\", \"password\": \"{{ form1.password }}\", \"count\": \"{{ 1 + 1 }}\"}"_s;
    login.timeoutMs = 5000;

    ApiRequestStep token;
    token.name = u"http2"_s;
    token.enabled = false;
    token.method = u"PUT"_s;
    token.url = u"{{ API_BASE }}/token"_s;
    token.body.kind = RequestBody::Kind::FormUrlEncoded;
    token.body.fields = {{u"grant_type"_s, u"password"_s, true}, {u"scope"_s, u"read"_s, false}};

    ApiRequestStep session;
    session.name = u"http3"_s;
    session.method = u"PATCH"_s;
    session.url = u"{{ API_BASE }}/session"_s;
    session.body.kind = RequestBody::Kind::Raw;
    session.body.text = u"token={{ http1.body.token }}"_s;
    session.body.contentType = u"text/x-custom"_s;

    JavaScriptStep script;
    script.name = u"js1"_s;
    script.code = u"// Tokens are opaque; only their length is shown.\nreturn http1.body.token.length;"_s;

    DefineVariableStep tokenVariable;
    tokenVariable.name = u"TOKEN"_s;
    tokenVariable.value = u"{{ http1.body.token }}"_s;
    tokenVariable.secret = true;

    DefineVariableStep expiresIn;
    expiresIn.name = u"EXPIRES_IN"_s;
    expiresIn.enabled = false;
    expiresIn.value = u"{{ http1.body.expires_in }}"_s;
    expiresIn.secret = false;

    CustomAuth &custom = main.customAuth;
    custom.authWorkflow.steps = {form, login, token, session, script, tokenVariable, expiresIn};

    ApiRequestStep refresh;
    refresh.name = u"http1"_s;
    refresh.method = u"GET"_s;
    refresh.url = u"{{ API_BASE }}/refresh"_s;
    custom.refreshWorkflow.steps = {refresh, tokenVariable};

    custom.loginTestEnabled = true;
    custom.loginTestUrl = u"{{ API_BASE }}/me"_s;
    custom.runWithoutPrompt = true;
    custom.refreshTrigger = CustomAuth::RefreshTrigger::TimeBased;
    custom.expiresIn = u"{{ EXPIRES_IN }}"_s;
    custom.refreshOnStatuses = {401, 403, 419};
    custom.refreshOnBodyPattern = u"token expired"_s;
    custom.loginTimeoutSeconds = 3600;

    Resource publicApi;
    publicApi.name = u"Public"_s;
    publicApi.kind = Resource::Kind::Rest;
    publicApi.baseUrl = u"https://public.example.test"_s;

    Resource spec;
    spec.name = u"Spec"_s;
    spec.kind = Resource::Kind::OpenApi;
    spec.baseUrl = u"https://spec.example.test"_s;
    spec.authMethod = Resource::AuthMethod::Custom;
    spec.customAuth.refreshTrigger = CustomAuth::RefreshTrigger::EveryQuery;

    Resource stream;
    stream.name = u"Stream"_s;
    stream.kind = Resource::Kind::Grpc;
    stream.baseUrl = u"https://grpc.example.test"_s;

    workspace.resources = {main, publicApi, spec, stream};
    return workspace;
}

Step &authStep(Workspace &workspace, int resource, int step)
{
    return workspace.resources[resource].customAuth.authWorkflow.steps[step];
}

// ---- JSON helpers for tests generated from a whole document ----

struct Node
{
    QString pointer;
    QJsonValue value;
};

void collectNodes(const QJsonValue &value, const QString &pointer, QList<Node> &nodes)
{
    nodes.append({pointer, value});
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            collectNodes(it.value(), pointer + QLatin1Char('/') + it.key(), nodes);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (int i = 0; i < array.size(); ++i)
            collectNodes(array.at(i), pointer + QLatin1Char('/') + QString::number(i), nodes);
    }
}

QList<Node> objectNodes(const QJsonObject &root)
{
    QList<Node> nodes;
    collectNodes(root, QString(), nodes);
    QList<Node> objects;
    for (const Node &node : std::as_const(nodes)) {
        if (node.value.isObject())
            objects.append(node);
    }
    return objects;
}

using Change = std::function<QJsonValue(const QJsonValue &)>;

// The value with the node at tokens[depth...] replaced by change(node); an undefined result removes it.
QJsonValue edited(const QJsonValue &node, const QStringList &tokens, qsizetype depth, const Change &change)
{
    if (depth == tokens.size())
        return change(node);
    const QString &token = tokens.at(depth);
    if (node.isObject()) {
        QJsonObject object = node.toObject();
        const QJsonValue child = edited(object.value(token), tokens, depth + 1, change);
        if (child.isUndefined())
            object.remove(token);
        else
            object.insert(token, child);
        return object;
    }
    QJsonArray array = node.toArray();
    const int index = token.toInt();
    array.replace(index, edited(array.at(index), tokens, depth + 1, change));
    return array;
}

QByteArray editedDocument(const QJsonObject &root, const QString &pointer, const Change &change)
{
    const QStringList tokens = pointer.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return QJsonDocument(edited(root, tokens, 0, change).toObject()).toJson();
}

QByteArray withKey(const QJsonObject &root, const QString &objectPointer, const QString &key,
                   const QJsonValue &value)
{
    return editedDocument(root, objectPointer, [&](const QJsonValue &node) {
        QJsonObject object = node.toObject();
        object.insert(key, value);
        return QJsonValue(object);
    });
}

QByteArray withoutKey(const QJsonObject &root, const QString &objectPointer, const QString &key)
{
    return editedDocument(root, objectPointer, [&](const QJsonValue &node) {
        QJsonObject object = node.toObject();
        object.remove(key);
        return QJsonValue(object);
    });
}

// Which kind of object of the format sits at this pointer, named as its definition in the schema.
QString schemaDefinitionFor(const QString &pointer, const QJsonObject &object)
{
    static const QRegularExpression keyValueRow(
        u"/(headers|urlParameters|bodyDefaults|queryParameters|body/fields)/\\d+$"_s);
    static const QRegularExpression formField(u"/(authWorkflow|refreshWorkflow)/\\d+/fields/\\d+$"_s);
    static const QRegularExpression step(u"/(authWorkflow|refreshWorkflow)/\\d+$"_s);
    static const QRegularExpression variable(u"^/variables/\\d+$"_s);
    static const QRegularExpression resource(u"^/resources/\\d+$"_s);
    if (pointer.isEmpty())
        return u"workspaceFile"_s;
    if (variable.match(pointer).hasMatch())
        return u"workspaceVariable"_s;
    if (resource.match(pointer).hasMatch())
        return u"resource"_s;
    if (keyValueRow.match(pointer).hasMatch())
        return u"keyValue"_s;
    if (formField.match(pointer).hasMatch())
        return u"formField"_s;
    if (step.match(pointer).hasMatch())
        return object.value(u"type"_s).toString() + u"Step"_s;
    if (pointer.endsWith(u"/auth"_s))
        return u"auth"_s;
    if (pointer.endsWith(u"/body"_s))
        return u"requestBody"_s;
    if (pointer.endsWith(u"/loginTest"_s))
        return u"auth/loginTest"_s;
    if (pointer.endsWith(u"/refresh"_s))
        return u"auth/refresh"_s;
    return QString();
}

QJsonObject loadSchema()
{
    return parseObject(fileBytes(schemaPath()));
}

// The schema of an object kind: a definition, or an object nested in one ("auth/refresh").
QJsonObject schemaDefinition(const QJsonObject &schema, const QString &name)
{
    const QStringList parts = name.split(QLatin1Char('/'));
    QJsonObject definition = schema.value(u"$defs"_s).toObject().value(parts.first()).toObject();
    for (qsizetype i = 1; i < parts.size(); ++i)
        definition = definition.value(u"properties"_s).toObject().value(parts.at(i)).toObject();
    return definition;
}

// A property's schema with a local "$ref" resolved (its own keys win over the referenced ones).
QJsonObject resolved(const QJsonObject &schema, QJsonObject property)
{
    const QString ref = property.value(u"$ref"_s).toString();
    const QString prefix = u"#/$defs/"_s;
    if (!ref.startsWith(prefix))
        return property;
    QJsonObject target = resolved(schema, schemaDefinition(schema, ref.mid(prefix.size())));
    for (auto it = property.constBegin(); it != property.constEnd(); ++it) {
        if (it.key() != u"$ref"_s)
            target.insert(it.key(), it.value());
    }
    return target;
}

QStringList expectedList(const QString &reason)
{
    static const QRegularExpression list(u"\\(expected one of: ([^)]*)\\)"_s);
    const QRegularExpressionMatch match = list.match(reason);
    return match.hasMatch() ? match.captured(1).split(u", "_s) : QStringList();
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TestWorkspaceFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void everyFieldFileMatchesModel();
    void customAuthIsKeptWhenMethodIsNone();
    void missingKeysTakeDefaults();
    void methodIsReadInUpperCase();
    void writerOutputIsStableAndIndented();
    void badFiles_data();
    void badFiles();
    void unknownKeysAreRefusedEverywhere_data();
    void unknownKeysAreRefusedEverywhere();
    void wrongTypesAreRefusedEverywhere_data();
    void wrongTypesAreRefusedEverywhere();
    void requiredAndOptionalKeys_data();
    void requiredAndOptionalKeys();
    void readFileThatCantBeOpened_data();
    void readFileThatCantBeOpened();
    void readFileStopsAtTheSizeLimit();
    void readFileOfANamedPipeDoesntWaitForAWriter();
    void readFromMemory();
    void errorIsClearedByTheNextRead();
    void otherKindOfFileIsNamed();
    void writeFileRefusesInvalidWorkspace_data();
    void writeFileRefusesInvalidWorkspace();
    void headersCheckOnlyWhatIsWrittenOutsideExpressions();
    void writeFileIntoMissingDirectory();
    void writeFileReplacesExistingFile();
    void resourceExportRoundTrip_data();
    void resourceExportRoundTrip();
    void resourceExportFile();
    void resourceExportBadFiles_data();
    void resourceExportBadFiles();
    void writeResourceFileRefusesInvalidResource();
    void formatErrorToString_data();
    void formatErrorToString();
    void placesDescribedInTheEditorsWords_data();
    void placesDescribedInTheEditorsWords();
    void schemaParsesAndListsStepTypes();
    void schemaDescribesEveryProperty();
    void schemaMatchesReader();
    void bundledDemoWorkspaceLoads();
    void secretLookingVariables_data();
    void secretLookingVariables();
    void secretLookingHeaders_data();
    void secretLookingHeaders();
    void everyProblemOfShapeIsListed();
    void urlProblems_data();
    void urlProblems();
};

// ---- round trips ----

void TestWorkspaceFormat::roundTrip_data()
{
    QTest::addColumn<Workspace>("workspace");

    WorkspaceReader reader;
    const std::optional<Workspace> demo = reader.readFile(demoWorkspacePath());
    QVERIFY2(demo, qPrintable(reader.error().toString()));
    const std::optional<Workspace> everyFieldFile =
        reader.readFile(dataPath(u"every-field.authstudio.json"_s));
    QVERIFY2(everyFieldFile, qPrintable(reader.error().toString()));
    const std::optional<Workspace> minimal = reader.readFile(dataPath(u"minimal.authstudio.json"_s));
    QVERIFY2(minimal, qPrintable(reader.error().toString()));

    QTest::newRow("bundled demo workspace") << *demo;
    QTest::newRow("every field, from a file") << *everyFieldFile;
    QTest::newRow("every field, built in code") << everyFieldWorkspace();
    QTest::newRow("minimal file with defaults") << *minimal;
    QTest::newRow("empty workspace") << Workspace {};
}

void TestWorkspaceFormat::roundTrip()
{
    QFETCH(Workspace, workspace);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString firstPath = dir.filePath(u"first.authstudio.json"_s);
    const QString secondPath = dir.filePath(u"second.authstudio.json"_s);

    WorkspaceWriter writer;
    QVERIFY2(writer.writeFile(workspace, firstPath), qPrintable(writer.error().toString()));
    QVERIFY(writer.error().isNull());
    const QByteArray first = fileBytes(firstPath);
    QCOMPARE(first, WorkspaceWriter::toJson(workspace));

    WorkspaceReader reader;
    const std::optional<Workspace> loaded = reader.readFile(firstPath);
    QVERIFY2(loaded, qPrintable(reader.error().toString()));
    QVERIFY(reader.error().isNull());
    QVERIFY(*loaded == workspace);

    QVERIFY2(writer.writeFile(*loaded, secondPath), qPrintable(writer.error().toString()));
    const QByteArray second = fileBytes(secondPath);
    QCOMPARE(QString::fromUtf8(second), QString::fromUtf8(first));
    QCOMPARE(second, first);

    const std::optional<Workspace> reloaded = reader.readFile(secondPath);
    QVERIFY2(reloaded, qPrintable(reader.error().toString()));
    QVERIFY(*reloaded == *loaded);
}

void TestWorkspaceFormat::everyFieldFileMatchesModel()
{
    WorkspaceReader reader;
    const std::optional<Workspace> loaded = reader.readFile(dataPath(u"every-field.authstudio.json"_s));
    QVERIFY2(loaded, qPrintable(reader.error().toString()));
    const Workspace expected = everyFieldWorkspace();
    // Compare the files first for a readable difference, then the models.
    QCOMPARE(QString::fromUtf8(WorkspaceWriter::toJson(*loaded)),
             QString::fromUtf8(WorkspaceWriter::toJson(expected)));
    QVERIFY(*loaded == expected);
}

// Switching a resource's auth method to "none" and saving must not lose its configured workflows.
void TestWorkspaceFormat::customAuthIsKeptWhenMethodIsNone()
{
    Workspace workspace = everyFieldWorkspace();
    workspace.resources[0].authMethod = Resource::AuthMethod::None;
    WorkspaceReader reader;
    const std::optional<Workspace> loaded = reader.read(WorkspaceWriter::toJson(workspace));
    QVERIFY2(loaded, qPrintable(reader.error().toString()));
    QCOMPARE(loaded->resources.at(0).authMethod, Resource::AuthMethod::None);
    // The configuration survives a save while custom auth is switched off.
    QVERIFY(loaded->resources.at(0).customAuth == workspace.resources.at(0).customAuth);
}

void TestWorkspaceFormat::missingKeysTakeDefaults()
{
    WorkspaceReader reader;
    const std::optional<Workspace> loaded = reader.readFile(dataPath(u"minimal.authstudio.json"_s));
    QVERIFY2(loaded, qPrintable(reader.error().toString()));
    QCOMPARE(loaded->name, QString());
    QVERIFY(loaded->variables.isEmpty());
    QCOMPARE(loaded->resources.size(), 2);

    const Resource &resource = loaded->resources.at(0);
    QCOMPARE(resource.name, u"Defaults"_s);
    QCOMPARE(resource.kind, Resource::Kind::Rest);
    QCOMPARE(resource.baseUrl, QString());
    QVERIFY(resource.headers.isEmpty());
    QVERIFY(resource.urlParameters.isEmpty());
    QVERIFY(resource.bodyDefaults.isEmpty());
    QCOMPARE(resource.authMethod, Resource::AuthMethod::Custom);

    const CustomAuth &custom = resource.customAuth;
    QCOMPARE(custom.authWorkflow.steps.size(), 4);
    QVERIFY(custom.refreshWorkflow.isEmpty());
    QCOMPARE(custom.loginTestEnabled, false);
    QCOMPARE(custom.loginTestUrl, QString());
    QCOMPARE(custom.runWithoutPrompt, false);
    QCOMPARE(custom.refreshTrigger, CustomAuth::RefreshTrigger::None);
    QCOMPARE(custom.expiresIn, QString());
    QVERIFY(custom.refreshOnStatuses.isEmpty());
    QCOMPARE(custom.refreshOnBodyPattern, QString());
    QCOMPARE(custom.loginTimeoutSeconds, 0);

    const auto &form = std::get<FormStep>(custom.authWorkflow.steps.at(0));
    QVERIFY(form.enabled);
    QCOMPARE(form.fields.size(), 1);
    QCOMPARE(form.fields.at(0).key, u"user"_s);
    QCOMPARE(form.fields.at(0).label, u"user"_s); // the label defaults to the key
    QCOMPARE(form.fields.at(0).type, FormField::Type::Text);
    QCOMPARE(form.fields.at(0).required, true);

    const auto &request = std::get<ApiRequestStep>(custom.authWorkflow.steps.at(1));
    QVERIFY(request.enabled);
    QCOMPARE(request.method, u"GET"_s);
    QVERIFY(request.headers.isEmpty());
    QVERIFY(request.queryParameters.isEmpty());
    QCOMPARE(request.body, RequestBody {});
    QCOMPARE(request.timeoutMs, ApiRequestStep::DefaultTimeoutMs);

    const auto &script = std::get<JavaScriptStep>(custom.authWorkflow.steps.at(2));
    QVERIFY(script.enabled);
    QCOMPARE(script.code, QString());

    const auto &variable = std::get<DefineVariableStep>(custom.authWorkflow.steps.at(3));
    QVERIFY(variable.enabled);
    QCOMPARE(variable.value, QString());
    QCOMPARE(variable.secret, false); // in files, a variable is secret only when it says so

    const Resource &noAuth = loaded->resources.at(1);
    QCOMPARE(noAuth.authMethod, Resource::AuthMethod::None);
    QVERIFY(noAuth.customAuth == CustomAuth {});

    // Key-value rows: the value defaults to empty and the row to enabled.
    const QByteArray rows = R"({"format": "authstudio-workspace", "formatVersion": 1,
        "variables": [{"name": "EMPTY"}],
        "resources": [{"name": "r", "headers": [{"name": "X-Empty"}]}]})";
    const std::optional<Workspace> withRows = reader.read(rows);
    QVERIFY2(withRows, qPrintable(reader.error().toString()));
    QCOMPARE(withRows->variables.value(0), (KeyValue {u"EMPTY"_s, QString(), true}));
    QCOMPARE(withRows->resources.value(0).headers.value(0), (KeyValue {u"X-Empty"_s, QString(), true}));
}

void TestWorkspaceFormat::methodIsReadInUpperCase()
{
    const QByteArray data =
        R"({"format": "authstudio-workspace", "formatVersion": 1, "resources": [{"name": "r",
        "auth": {"method": "custom", "authWorkflow": [{"type": "apiRequest", "name": "http1", "method": "delete",
        "url": "https://api.example.test"}]}}]})";
    WorkspaceReader reader;
    const std::optional<Workspace> loaded = reader.read(data);
    QVERIFY2(loaded, qPrintable(reader.error().toString()));
    QCOMPARE(std::get<ApiRequestStep>(loaded->resources.at(0).customAuth.authWorkflow.steps.at(0)).method,
             u"DELETE"_s);
}

void TestWorkspaceFormat::writerOutputIsStableAndIndented()
{
    const Workspace workspace = everyFieldWorkspace();
    const QByteArray first = WorkspaceWriter::toJson(workspace);
    const QByteArray second = WorkspaceWriter::toJson(workspace);
    QCOMPARE(second, first);
    // A workspace built separately with the same content gives the same bytes.
    QCOMPARE(WorkspaceWriter::toJson(everyFieldWorkspace()), first);

    // Two saves to disk give the same bytes as toJson().
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    WorkspaceWriter writer;
    const QString path = dir.filePath(u"stable.authstudio.json"_s);
    QVERIFY2(writer.writeFile(workspace, path), qPrintable(writer.error().toString()));
    QCOMPARE(fileBytes(path), first);
    QVERIFY2(writer.writeFile(workspace, path), qPrintable(writer.error().toString()));
    QCOMPARE(fileBytes(path), first);

    // Indented JSON with the header first (keys are in a fixed, sorted order).
    const QByteArray header = "{\n    \"format\": \"authstudio-workspace\",\n    \"formatVersion\": 1,\n"
                              "    \"generator\": \"Auth Studio " AUTHSTUDIO_VERSION "\",\n";
    QVERIFY2(first.startsWith(header), first.left(200).constData());
    QVERIFY(first.endsWith("}\n"));
    QVERIFY(!first.contains('\t'));
    const QList<QByteArray> lines = first.split('\n');
    QVERIFY(lines.size() > 100);
    for (const QByteArray &line : lines) {
        qsizetype indent = 0;
        while (indent < line.size() && line.at(indent) == ' ')
            ++indent;
        QVERIFY2(indent % 4 == 0, line.constData());
    }
    const QJsonObject root = parseObject(first);
    QCOMPARE(root.value(u"format"_s).toString(), WorkspaceFormat::formatName());
    QCOMPARE(root.value(u"formatVersion"_s).toInt(), WorkspaceFormat::FormatVersion);
    QCOMPARE(root.value(u"generator"_s).toString(), QStringLiteral("Auth Studio " AUTHSTUDIO_VERSION));
}

// ---- bad files ----

void TestWorkspaceFormat::badFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("place");
    QTest::addColumn<QStringList>("reasonParts");

    const QString workflow = u"/resources/0/auth/authWorkflow"_s;
    QTest::newRow("empty file") << u"empty.json"_s << u"1:1"_s << QStringList {u"the file is empty"_s};
    QTest::newRow("only whitespace") << u"whitespace-only.json"_s << u"1:1"_s
                                     << QStringList {u"the file is empty"_s};
    // The file stops inside a string on line 8, after its 39th character.
    QTest::newRow("truncated JSON") << u"truncated.json"_s << u"8:40"_s
                                    << QStringList {u"invalid JSON"_s, u"unterminated string"_s};
    // Columns count characters, not bytes: "Café déjà vu" holds three two-byte characters. The unexpected
    // '"' is the 28th character (Qt's parser reports the position just after it; the reader names it).
    QTest::newRow("missing comma after non-ASCII text")
        << u"missing-comma-utf8.json"_s << u"3:28"_s << QStringList {u"invalid JSON"_s};
    // JSON keeps the last of two same keys: the first would be lost without a word (QA pass 23). Keys
    // in other objects, and braces and quotes inside strings, are no duplicates.
    QTest::newRow("a key twice in one object")
        << u"duplicate-key.json"_s << u"11:13"_s
        << QStringList {u"the key \"baseUrl\" appears twice in one object"_s};
    QTest::newRow("top level not an object")
        << u"top-level-array.json"_s << u"/"_s << QStringList {u"expected a JSON object at the top level"_s};
    QTest::newRow("wrong format name")
        << u"not-authstudio.json"_s << u"/format"_s
        << QStringList {u"not an Auth Studio file"_s, u"authstudio-workspace"_s};
    QTest::newRow("missing formatVersion") << u"missing-format-version.json"_s << u"/formatVersion"_s
                                           << QStringList {u"expected a positive integer format version"_s};
    QTest::newRow("newer formatVersion")
        << u"newer-format-version.json"_s << u"/formatVersion"_s
        << QStringList {u"format version 2"_s, u"newer"_s, u"up to %1"_s.arg(WorkspaceFormat::FormatVersion),
                        u"Update Auth Studio"_s};
    QTest::newRow("wrong type for a field") << u"wrong-type-name.json"_s << u"/resources/0/name"_s
                                            << QStringList {u"expected a string, found a number"_s};
    QTest::newRow("unknown key") << u"unknown-key.json"_s << u"/resources/0/auth/mode"_s
                                 << QStringList {u"unknown key 'mode'"_s, u"expected one of:"_s,
                                                 u"authWorkflow"_s};
    QTest::newRow("unknown step type")
        << u"unknown-step-type.json"_s << workflow + u"/1/type"_s
        << QStringList {u"unknown step type 'oauth2'"_s, u"form, apiRequest, javascript, defineVariable"_s};
    QTest::newRow("step without type") << u"step-missing-type.json"_s << workflow + u"/1/type"_s
                                       << QStringList {u"required key 'type' is missing"_s};
    QTest::newRow("step not an object") << u"step-not-object.json"_s << workflow + u"/1"_s
                                        << QStringList {u"expected a step object, found a string"_s};
    QTest::newRow("duplicate step names") << u"duplicate-step-names.json"_s << workflow + u"/2/name"_s
                                          << QStringList {u"duplicate step name 'http1'"_s};
    QTest::newRow("invalid step name") << u"invalid-step-name.json"_s << workflow + u"/1/name"_s
                                       << QStringList {u"'1st-request' is not a valid identifier"_s};
    QTest::newRow("step named with a JavaScript keyword")
        << u"reserved-step-name.json"_s << workflow + u"/1/name"_s
        << QStringList {u"step name 'new' is a JavaScript keyword, which expressions can't name"_s};
    QTest::newRow("step named like a workspace variable")
        << u"step-name-is-variable.json"_s << workflow + u"/2/name"_s
        << QStringList {u"'TOKEN' is already a workspace variable"_s};
    QTest::newRow("duplicate resource names") << u"duplicate-resource-names.json"_s << u"/resources/1/name"_s
                                              << QStringList {u"duplicate resource name 'API'"_s};
    QTest::newRow("missing resource name") << u"missing-resource-name.json"_s << u"/resources/0/name"_s
                                           << QStringList {u"required key 'name' is missing"_s};
    QTest::newRow("resources not an array") << u"resources-not-array.json"_s << u"/resources"_s
                                            << QStringList {u"expected an array, found an object"_s};
    QTest::newRow("invalid workspace variable name")
        << u"variable-bad-name.json"_s << u"/variables/0/name"_s
        << QStringList {u"'api-base' is not a valid identifier"_s};
    QTest::newRow("workspace variable named with a JavaScript keyword")
        << u"variable-reserved-name.json"_s << u"/variables/0/name"_s
        << QStringList {u"variable name 'class' is a JavaScript keyword"_s};
    QTest::newRow("secret variable with a literal value")
        << u"secret-literal.json"_s << workflow + u"/2/value"_s
        << QStringList {u"secret variable 'TOKEN' holds a literal value"_s, u"{{ expression }}"_s};
    QTest::newRow("secret literal with unclosed braces")
        << u"secret-literal-unclosed-braces.json"_s << workflow + u"/2/value"_s
        << QStringList {u"secret variable 'TOKEN' holds a literal value"_s};
    QTest::newRow("invalid JSON body")
        << u"invalid-json-body.json"_s << workflow + u"/1/body/text"_s
        << QStringList {u"the JSON body is not valid JSON"_s, u"put {{ expressions }} inside JSON strings"_s};
    QTest::newRow("body without kind") << u"body-missing-kind.json"_s << workflow + u"/1/body/kind"_s
                                       << QStringList {u"required key 'kind' is missing"_s};
    QTest::newRow("timeout not an integer") << u"bad-timeout.json"_s << workflow + u"/1/timeoutMs"_s
                                            << QStringList {u"expected an integer, found 2.5"_s};
    QTest::newRow("timeout zero") << u"zero-timeout.json"_s << workflow + u"/1/timeoutMs"_s
                                  << QStringList {u"positive number of milliseconds"_s};
    QTest::newRow("blank URL") << u"empty-url.json"_s << workflow + u"/1/url"_s
                               << QStringList {u"the URL is empty"_s};
    QTest::newRow("negative login timeout")
        << u"negative-login-timeout.json"_s << u"/resources/0/auth/loginTimeoutSeconds"_s
        << QStringList {u"can't be negative"_s};
    QTest::newRow("bad refresh onStatuses value")
        << u"bad-refresh-status.json"_s << u"/resources/0/auth/refresh/onStatuses/1"_s
        << QStringList {u"expected an HTTP status between 100 and 599"_s};
    QTest::newRow("bad enum value") << u"bad-enum-kind.json"_s << u"/resources/0/kind"_s
                                    << QStringList {u"unknown value 'soap'"_s,
                                                    u"rest, graphql, openapi, grpc"_s};
    QTest::newRow("bad form field type")
        << u"bad-field-type.json"_s << workflow + u"/0/fields/0/type"_s
        << QStringList {u"unknown value 'checkbox'"_s, u"text, email, password"_s};
    QTest::newRow("duplicate form field key")
        << u"duplicate-field-key.json"_s << workflow + u"/0/fields/1/key"_s
        << QStringList {u"duplicate field key 'email'"_s, u"would overwrite field 1's"_s};
    // A header or parameter row with a value but no name can't be sent; a blank row is a table's spare.
    QTest::newRow("refresh body pattern that isn't a regular expression")
        << u"bad-body-pattern.json"_s << u"/resources/0/auth/refresh/onBodyPattern"_s
        << QStringList {u"not a valid regular expression"_s, u"(at character 8)"_s};
    QTest::newRow("header value without a name")
        << u"header-value-without-name.json"_s << u"/resources/0/headers/1/name"_s
        << QStringList {u"a value with no name"_s};
    QTest::newRow("query parameter value without a name")
        << u"parameter-value-without-name.json"_s << workflow + u"/1/queryParameters/0/name"_s
        << QStringList {u"a value with no name"_s};
}

void TestWorkspaceFormat::badFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, place);
    QFETCH(QStringList, reasonParts);

    const QString path = dataPath(file);
    QVERIFY2(QFileInfo::exists(path), qPrintable(path));
    WorkspaceReader reader;
    const std::optional<Workspace> loaded = reader.readFile(path);
    QVERIFY2(!loaded, "the reader accepted a bad file");

    const FormatError error = reader.error();
    QVERIFY(!error.isNull());
    QCOMPARE(error.file, path);
    QCOMPARE(error.place, place);
    for (const QString &part : std::as_const(reasonParts))
        QVERIFY2(error.reason.contains(part), qPrintable(u"'%1' not in: %2"_s.arg(part, error.reason)));
    QCOMPARE(error.toString(), path + u": "_s + place + u": "_s + error.reason);

    // Reading the same bytes from memory reports the same place and reason.
    const std::optional<Workspace> fromMemory = reader.read(fileBytes(path), u"memory.json"_s);
    QVERIFY(!fromMemory);
    QCOMPARE(reader.error().file, u"memory.json"_s);
    QCOMPARE(reader.error().place, place);
    QCOMPARE(reader.error().reason, error.reason);
}

// Every object of a full document refuses a key it doesn't know, at the right place.
void TestWorkspaceFormat::unknownKeysAreRefusedEverywhere_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("place");

    const QJsonObject root = parseObject(WorkspaceWriter::toJson(everyFieldWorkspace()));
    const QList<Node> objects = objectNodes(root);
    QVERIFY(objects.size() > 30);
    for (const Node &node : objects) {
        const QString place = node.pointer + u"/unexpectedKey"_s;
        QTest::newRow(qPrintable(place)) << withKey(root, node.pointer, u"unexpectedKey"_s, true) << place;
    }
}

void TestWorkspaceFormat::unknownKeysAreRefusedEverywhere()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, place);
    WorkspaceReader reader;
    QVERIFY(!reader.read(document, u"strict.json"_s));
    QCOMPARE(reader.error().place, place);
    QVERIFY2(reader.error().reason.startsWith(u"unknown key 'unexpectedKey' (expected one of: "_s),
             qPrintable(reader.error().reason));
}

// Every value of a full document, given a value of the wrong type, is refused at its own place.
void TestWorkspaceFormat::wrongTypesAreRefusedEverywhere_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("place");

    const QJsonObject root = parseObject(WorkspaceWriter::toJson(everyFieldWorkspace()));
    QList<Node> nodes;
    collectNodes(root, QString(), nodes);
    for (const Node &node : std::as_const(nodes)) {
        if (node.pointer.isEmpty() || node.pointer == u"/generator"_s) // the reader ignores "generator"
            continue;
        QJsonValue wrong;
        switch (node.value.type()) {
        case QJsonValue::String:
            wrong = 5;
            break;
        case QJsonValue::Bool:
            wrong = u"yes"_s;
            break;
        case QJsonValue::Double:
            wrong = u"7"_s;
            break;
        case QJsonValue::Array:
            wrong = QJsonObject();
            break;
        case QJsonValue::Object:
            wrong = QJsonArray();
            break;
        case QJsonValue::Null:
        case QJsonValue::Undefined:
            QFAIL("the writer wrote null");
        }
        QTest::newRow(qPrintable(node.pointer))
            << editedDocument(root, node.pointer, [&](const QJsonValue &) { return wrong; }) << node.pointer;
    }
}

void TestWorkspaceFormat::wrongTypesAreRefusedEverywhere()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, place);
    WorkspaceReader reader;
    QVERIFY(!reader.read(document, u"types.json"_s));
    QCOMPARE(reader.error().place, place);
    QVERIFY2(reader.error().reason.contains(u"expected"_s), qPrintable(reader.error().reason));
}

// Removing a key: required keys are refused by name at their place, optional keys load with a default.
void TestWorkspaceFormat::requiredAndOptionalKeys_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("place"); // empty: the document loads
    QTest::addColumn<QString>("reason");

    const QHash<QString, QStringList> required {
        {u"workspaceFile"_s, {u"format"_s, u"formatVersion"_s}},
        {u"workspaceVariable"_s, {u"name"_s}},
        {u"keyValue"_s, {u"name"_s}},
        {u"resource"_s, {u"name"_s}},
        {u"formStep"_s, {u"type"_s, u"name"_s}},
        {u"apiRequestStep"_s, {u"type"_s, u"name"_s, u"url"_s}},
        {u"javascriptStep"_s, {u"type"_s, u"name"_s}},
        {u"defineVariableStep"_s, {u"type"_s, u"name"_s}},
        {u"formField"_s, {u"key"_s}},
        {u"requestBody"_s, {u"kind"_s}},
    };
    const QJsonObject root = parseObject(WorkspaceWriter::toJson(everyFieldWorkspace()));
    for (const Node &node : objectNodes(root)) {
        const QString definition = schemaDefinitionFor(node.pointer, node.value.toObject());
        QVERIFY2(!definition.isEmpty(), qPrintable(node.pointer));
        const QJsonObject object = node.value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString place = node.pointer + QLatin1Char('/') + it.key();
            QString reason;
            if (required.value(definition).contains(it.key())) {
                if (place == u"/format"_s)
                    reason = u"not an Auth Studio file"_s;
                else if (place == u"/formatVersion"_s)
                    reason = u"expected a positive integer format version"_s;
                else
                    reason = u"required key '%1' is missing"_s.arg(it.key());
            }
            QTest::newRow(qPrintable(place)) << withoutKey(root, node.pointer, it.key())
                                             << (reason.isEmpty() ? QString() : place) << reason;
        }
    }
}

void TestWorkspaceFormat::requiredAndOptionalKeys()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, place);
    QFETCH(QString, reason);
    WorkspaceReader reader;
    const std::optional<Workspace> loaded = reader.read(document, u"keys.json"_s);
    if (place.isEmpty()) {
        QVERIFY2(loaded, qPrintable(reader.error().toString()));
        return;
    }
    QVERIFY(!loaded);
    QCOMPARE(reader.error().place, place);
    QVERIFY2(reader.error().reason.contains(reason), qPrintable(reader.error().reason));
}

// ---- reading and writing files ----

void TestWorkspaceFormat::readFileThatCantBeOpened_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::newRow("missing file") << u"no-such-workspace.authstudio.json"_s;
    QTest::newRow("missing directory") << u"no-such-directory/workspace.authstudio.json"_s;
}

void TestWorkspaceFormat::readFileThatCantBeOpened()
{
    QFETCH(QString, relativePath);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(relativePath);
    WorkspaceReader reader;
    QVERIFY(!reader.readFile(path));
    const FormatError error = reader.error();
    QCOMPARE(error.file, path);
    QCOMPARE(error.place, QString());
    QVERIFY2(error.reason.startsWith(u"can't open the file: "_s), qPrintable(error.reason));
    QVERIFY2(error.reason.size() > u"can't open the file: "_s.size(), "the reason gives no cause");
    QCOMPARE(error.toString(), path + u": "_s + error.reason);
}

// A device that never ends (QA pass 47: validate /dev/zero grew until the memory ran out) and a file
// too large to be a workspace both fail with a reason naming the file.
void TestWorkspaceFormat::readFileStopsAtTheSizeLimit()
{
    QVERIFY(QFileInfo::exists(u"/dev/zero"_s));
    WorkspaceReader reader;
    QVERIFY(!reader.readFile(u"/dev/zero"_s));
    QCOMPARE(reader.error().file, u"/dev/zero"_s);
    QVERIFY2(reader.error().reason.startsWith(u"the file is larger than 64 MiB"_s),
             qPrintable(reader.error().reason));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile large(dir.filePath(u"large.json"_s));
    QVERIFY(large.open(QIODevice::WriteOnly));
    QVERIFY(large.resize(WorkspaceReader::maxFileSize + 1)); // sparse: nothing is written
    large.close();
    QVERIFY(!reader.readFile(large.fileName()));
    QVERIFY2(reader.error().reason.startsWith(u"the file is larger than 64 MiB"_s),
             qPrintable(reader.error().reason));

    // Exactly at the limit is read (and then refused as binary data, which NUL bytes are).
    QVERIFY(large.resize(WorkspaceReader::maxFileSize));
    QVERIFY(!reader.readFile(large.fileName()));
    QVERIFY2(!reader.error().reason.contains(u"larger than"_s), qPrintable(reader.error().reason));
}

// A named pipe that nothing writes to fails at once, saying so, instead of waiting for a writer forever.
void TestWorkspaceFormat::readFileOfANamedPipeDoesntWaitForAWriter()
{
#ifdef Q_OS_UNIX
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"pipe.authstudio.json"_s);
    QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    WorkspaceReader reader;
    QVERIFY(!reader.readFile(path));
    QCOMPARE(reader.error().toString(), path + u": the file is a named pipe that nothing wrote to"_s);
#else
    QSKIP("named pipes are a Unix thing");
#endif
}

void TestWorkspaceFormat::readFromMemory()
{
    WorkspaceReader reader;
    QVERIFY(!reader.read("{\"format\": \"authstudio-workspace\"}"));
    QCOMPARE(reader.error().file, QString());
    QCOMPARE(reader.error().place, u"/formatVersion"_s);
    QVERIFY(reader.error().toString().startsWith(u"<memory>: /formatVersion: "_s));

    const std::optional<Workspace> loaded =
        reader.read(R"({"format": "authstudio-workspace", "formatVersion": 1, "name": "In memory"})");
    QVERIFY2(loaded, qPrintable(reader.error().toString()));
    QCOMPARE(loaded->name, u"In memory"_s);
    QVERIFY(loaded->resources.isEmpty());

    // A version past int's range is a newer one, not "not an integer" (QA pass 47).
    QVERIFY(!reader.read(R"({"format": "authstudio-workspace", "formatVersion": 1e30})"));
    QVERIFY2(reader.error().reason.startsWith(u"the file has format version 1e+30, written by a newer"_s),
             qPrintable(reader.error().reason));
    QVERIFY(!reader.read(R"({"format": "authstudio-workspace", "formatVersion": 1.5})"));
    QCOMPARE(reader.error().reason, u"expected a positive integer format version"_s);

    // Only a UTF-8 byte order mark and spaces, as an editor saves an emptied file, is empty too.
    QVERIFY(!reader.read("\xEF\xBB\xBF \n", u"emptied.json"_s));
    QCOMPARE(reader.error().toString(), u"emptied.json: 1:1: the file is empty"_s);
    // A file saved as UTF-16, with or without its byte order mark, is said to be so (QA pass 47).
    const QString text = u"{\"format\": \"authstudio-workspace\", \"formatVersion\": 1}"_s;
    const QByteArray littleEndian(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    for (const QByteArray &utf16 : {QByteArray("\xFF\xFE") + littleEndian, littleEndian}) {
        QVERIFY(!reader.read(utf16, u"notepad.json"_s));
        QCOMPARE(
            reader.error().toString(),
            u"notepad.json: 1:1: the file is UTF-16 text; workspace files are UTF-8: save it as UTF-8"_s);
    }
    // A file with NUL bytes that isn't UTF-16 text is called binary, not UTF-16 (QA pass 48).
    for (const QByteArray &binary :
         {QByteArray("\0\0\0\x01ftyp", 8), QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16),
          QByteArray("{\"format\": \0}", 13)}) {
        QVERIFY(!reader.read(binary, u"image.json"_s));
        QVERIFY2(reader.error().reason.startsWith(u"the file holds binary data (a NUL byte)"_s),
                 qPrintable(reader.error().toString()));
    }
    QCOMPARE(reader.error().place, u"1:12"_s); // where the NUL is
}

void TestWorkspaceFormat::errorIsClearedByTheNextRead()
{
    WorkspaceReader reader;
    QVERIFY(!reader.readFile(dataPath(u"truncated.json"_s)));
    QVERIFY(!reader.error().isNull());
    QVERIFY(reader.readFile(dataPath(u"every-field.authstudio.json"_s)));
    QVERIFY(reader.error().isNull());
    QVERIFY(!reader.readResource("[]"));
    QVERIFY(!reader.error().isNull());
    QVERIFY(reader.readResource(fileBytes(dataPath(u"resource-export.json"_s))));
    QVERIFY(reader.error().isNull());
}

// A workspace given where an exported resource is expected (Import) or the other way round (Open,
// validate) is named for what it is, not called "not an Auth Studio file".
void TestWorkspaceFormat::otherKindOfFileIsNamed()
{
    WorkspaceReader reader;
    QVERIFY(!reader.read(fileBytes(dataPath(u"resource-export.json"_s)), u"r.json"_s));
    QCOMPARE(reader.error().place, u"/format"_s);
    QVERIFY2(reader.error().reason.startsWith(u"this is a resource exported on its own, not a workspace"_s),
             qPrintable(reader.error().reason));
    QVERIFY(!reader.readResource(fileBytes(dataPath(u"every-field.authstudio.json"_s)), u"w.json"_s));
    QVERIFY2(reader.error().reason.startsWith(u"this is a workspace, not a resource exported on its own"_s),
             qPrintable(reader.error().reason));
    QVERIFY(reader.error().reason.contains(u"\"format\": \"authstudio-resource\""_s));
}

void TestWorkspaceFormat::writeFileRefusesInvalidWorkspace_data()
{
    QTest::addColumn<Workspace>("workspace");
    QTest::addColumn<QString>("place");
    QTest::addColumn<QString>("reason");

    const QString workflow = u"/resources/0/auth/authWorkflow"_s;
    {
        Workspace workspace = everyFieldWorkspace();
        std::get<DefineVariableStep>(authStep(workspace, 0, 5)).value = u"eyJhbGciOiJub25lIn0.literal"_s;
        QTest::newRow("secret variable with a literal value")
            << workspace << workflow + u"/5/value"_s << u"secret variable 'TOKEN' holds a literal value"_s;
    }
    {
        Workspace workspace = everyFieldWorkspace();
        std::get<DefineVariableStep>(workspace.resources[0].customAuth.refreshWorkflow.steps[1]).value =
            u"literal-in-refresh"_s;
        QTest::newRow("literal secret in the refresh workflow")
            << workspace << u"/resources/0/auth/refreshWorkflow/1/value"_s << u"holds a literal value"_s;
    }
    {
        Workspace workspace = everyFieldWorkspace();
        workspace.resources[1].name = workspace.resources[0].name;
        QTest::newRow("duplicate resource names")
            << workspace << u"/resources/1/name"_s << u"duplicate resource name 'Every field'"_s;
    }
    {
        Workspace workspace = everyFieldWorkspace();
        workspace.resources[2].name = u"   "_s;
        QTest::newRow("blank resource name")
            << workspace << u"/resources/2/name"_s << u"the resource name is empty"_s;
    }
    {
        Workspace workspace = everyFieldWorkspace();
        setStepName(authStep(workspace, 0, 0), u"form 1"_s);
        QTest::newRow("invalid step name")
            << workspace << workflow + u"/0/name"_s << u"not a valid identifier"_s;
    }
    {
        Workspace workspace = everyFieldWorkspace();
        setStepName(authStep(workspace, 0, 0), u"default"_s);
        QTest::newRow("step named with a JavaScript keyword")
            << workspace << workflow + u"/0/name"_s << u"step name 'default' is a JavaScript keyword"_s;
    }
    {
        Workspace workspace = everyFieldWorkspace();
        setStepName(authStep(workspace, 0, 4), u"http1"_s);
        QTest::newRow("duplicate step name")
            << workspace << workflow + u"/4/name"_s << u"duplicate step name"_s;
    }
    {
        Workspace workspace = everyFieldWorkspace();
        std::get<ApiRequestStep>(authStep(workspace, 0, 1)).body.text = u"{\"email\": {{ form1.email }}}"_s;
        QTest::newRow("invalid JSON body")
            << workspace << workflow + u"/1/body/text"_s << u"the JSON body is not valid JSON"_s;
    }
    {
        // Said as the editor says it: line and column of the body's text, in characters (not a byte offset).
        Workspace workspace = everyFieldWorkspace();
        std::get<ApiRequestStep>(authStep(workspace, 0, 1)).body.text =
            u"{\n  \"na\u00EFve\": {{ form1.email }}\n}"_s;
        QTest::newRow("invalid JSON body, line and column")
            << workspace << workflow + u"/1/body/text"_s
            << u"the JSON body is not valid JSON (unterminated object at line 2, column 13); put {{ "
               "expressions }} inside JSON strings"_s;
    }
    {
        // Sent as it stands, the form's email would be dropped for "x" (QA pass 26).
        Workspace workspace = everyFieldWorkspace();
        std::get<ApiRequestStep>(authStep(workspace, 0, 1)).body.text =
            u"{\"email\": \"{{ form1.email }}\",\n \"email\": \"x\"}"_s;
        QTest::newRow("JSON body with a key twice")
            << workspace << workflow + u"/1/body/text"_s
            << u"the JSON body is not valid JSON (the key \"email\" appears twice at line 2, column 2)"_s;
    }
    {
        Workspace workspace = everyFieldWorkspace();
        workspace.variables.append({u"has space"_s, u"x"_s, true});
        QTest::newRow("invalid variable name") << workspace << u"/variables/2/name"_s
                                               << u"variable name 'has space' is not a valid identifier"_s;
    }
    for (const QString &lifetime : {u"abc"_s, u"0"_s, u"-5"_s, u"0.5"_s}) {
        Workspace workspace = everyFieldWorkspace();
        workspace.resources[0].customAuth.refreshTrigger = CustomAuth::RefreshTrigger::TimeBased;
        workspace.resources[0].customAuth.expiresIn = lifetime;
        QTest::addRow("lifetime %s", qPrintable(lifetime))
            << workspace << u"/resources/0/auth/refresh/expiresIn"_s << u"the session lifetime"_s;
    }
    // Header injection is refused where it is written, not only when a run would send it.
    {
        Workspace workspace = everyFieldWorkspace();
        workspace.resources[0].headers.append({u"X-Pasted"_s, u"a\nX-Injected: 1"_s, true});
        QTest::newRow("line break in a resource header's value")
            << workspace << u"/resources/0/headers/%1/value"_s.arg(workspace.resources[0].headers.size() - 1)
            << u"the value contains a line break (CR/LF) or NUL, which could inject headers"_s;
    }
    {
        Workspace workspace = everyFieldWorkspace();
        std::get<ApiRequestStep>(authStep(workspace, 0, 1))
            .headers.append({u"X-A\r\nX-B"_s, u"{{ form1.email }}"_s, true});
        QTest::newRow("line break in a step header's name")
            << workspace
            << workflow +
                u"/1/headers/%1/name"_s.arg(
                    std::get<ApiRequestStep>(authStep(workspace, 0, 1)).headers.size() - 1)
            << u"the header name contains a line break (CR/LF) or NUL"_s;
    }
    {
        Workspace workspace = everyFieldWorkspace();
        workspace.resources[0].headers.append({u"Transfer-Encoding"_s, u"chunked"_s, true});
        QTest::newRow("Transfer-Encoding set by hand")
            << workspace << u"/resources/0/headers/%1/name"_s.arg(workspace.resources[0].headers.size() - 1)
            << u"Transfer-Encoding is worked out from the body when the request is sent"_s;
    }
    {
        Workspace workspace = everyFieldWorkspace();
        std::get<ApiRequestStep>(authStep(workspace, 0, 1)).name = u"__proto__"_s;
        QTest::newRow("step named __proto__")
            << workspace << workflow + u"/1/name"_s << u"step name '__proto__' is a JavaScript keyword"_s;
    }
    // The request line carries the method as written (QA pass 50: a line break in it added headers).
    {
        Workspace workspace = everyFieldWorkspace();
        std::get<ApiRequestStep>(authStep(workspace, 0, 1)).method = u"GET /x HTTP/1.1\r\nX-Evil: 1"_s;
        QTest::newRow("line break in a method")
            << workspace << workflow + u"/1/method"_s
            << u"the method contains a line break (CR/LF) or NUL, which could inject headers"_s;
    }
    {
        Workspace workspace = everyFieldWorkspace();
        std::get<ApiRequestStep>(authStep(workspace, 0, 1)).method = QString();
        QTest::newRow("empty method") << workspace << workflow + u"/1/method"_s << u"the method is empty"_s;
    }
    {
        Workspace workspace = everyFieldWorkspace();
        workspace.resources[0].headers.append({u"X Token {{ form1.email }}"_s, u"x"_s, true});
        QTest::newRow("space in a header's name")
            << workspace << u"/resources/0/headers/%1/name"_s.arg(workspace.resources[0].headers.size() - 1)
            << u"the header name contains a space, which header names can't hold"_s;
    }
}

void TestWorkspaceFormat::headersCheckOnlyWhatIsWrittenOutsideExpressions()
{
    // A line break inside {{ }} is the expression's own whitespace, and what an expression gives is
    // checked when a run sends it; a disabled row is never sent.
    Workspace workspace = everyFieldWorkspace();
    workspace.resources[0].headers.append({u"X-Joined"_s, u"{{ DEMO_API +\n 'x' }}"_s, true});
    workspace.resources[0].headers.append({u"X-{{ 'Name' }}"_s, u"Bearer {{ 'a\\nb' }}"_s, true});
    workspace.resources[0].headers.append({u"X Off"_s, u"a\nb"_s, false});
    QCOMPARE(WorkspaceValidator::validate(workspace).size(), 0);
    QVERIFY(!WorkspaceValidator::headerProblem(workspace.resources[0].headers.last()));
}

void TestWorkspaceFormat::writeFileRefusesInvalidWorkspace()
{
    QFETCH(Workspace, workspace);
    QFETCH(QString, place);
    QFETCH(QString, reason);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"existing.authstudio.json"_s);
    WorkspaceWriter writer;
    QVERIFY2(writer.writeFile(everyFieldWorkspace(), path), qPrintable(writer.error().toString()));
    const QByteArray before = fileBytes(path);
    QVERIFY(!before.isEmpty());

    QVERIFY(!writer.writeFile(workspace, path));
    QCOMPARE(writer.error().file, path);
    QCOMPARE(writer.error().place, place);
    QVERIFY2(writer.error().reason.contains(reason), qPrintable(writer.error().reason));
    QCOMPARE(fileBytes(path), before); // the existing file is untouched
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList {u"existing.authstudio.json"_s});

    // Nothing is created either when there was no file.
    const QString newPath = dir.filePath(u"new.authstudio.json"_s);
    QVERIFY(!writer.writeFile(workspace, newPath));
    QCOMPARE(writer.error().place, place);
    QVERIFY(!QFileInfo::exists(newPath));

    // The reader refuses the same workspace when the writer's checks are bypassed.
    WorkspaceReader reader;
    QVERIFY(!reader.read(WorkspaceWriter::toJson(workspace)));
    QCOMPARE(reader.error().place, place);
}

void TestWorkspaceFormat::writeFileIntoMissingDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"missing/deeper/workspace.authstudio.json"_s);
    WorkspaceWriter writer;
    QVERIFY(!writer.writeFile(everyFieldWorkspace(), path));
    const FormatError error = writer.error();
    QCOMPARE(error.file, path);
    QCOMPARE(error.place, QString());
    QVERIFY2(error.reason.startsWith(u"can't write the file: "_s), qPrintable(error.reason));
    QVERIFY2(error.reason.size() > u"can't write the file: "_s.size(), "the reason gives no cause");
    QCOMPARE(error.toString(), path + u": "_s + error.reason);
    QVERIFY(!QFileInfo::exists(dir.filePath(u"missing"_s)));

    QVERIFY(!writer.writeResourceFile(everyFieldWorkspace().resources.at(0), path));
    QCOMPARE(writer.error().file, path);
    QVERIFY(writer.error().reason.startsWith(u"can't write the file: "_s));
}

void TestWorkspaceFormat::writeFileReplacesExistingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"workspace.authstudio.json"_s);
    WorkspaceReader reader;
    const std::optional<Workspace> demo = reader.readFile(demoWorkspacePath());
    QVERIFY2(demo, qPrintable(reader.error().toString()));

    WorkspaceWriter writer;
    QVERIFY2(writer.writeFile(*demo, path), qPrintable(writer.error().toString()));
    QVERIFY2(writer.writeFile(everyFieldWorkspace(), path), qPrintable(writer.error().toString()));
    QVERIFY(writer.error().isNull());
    const std::optional<Workspace> loaded = reader.readFile(path);
    QVERIFY2(loaded, qPrintable(reader.error().toString()));
    QVERIFY(*loaded == everyFieldWorkspace());
    // The save went through a temporary file that is gone now.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList {u"workspace.authstudio.json"_s});
}

// ---- single-resource exports ----

void TestWorkspaceFormat::resourceExportRoundTrip_data()
{
    QTest::addColumn<Resource>("resource");
    for (const Resource &resource : everyFieldWorkspace().resources)
        QTest::newRow(qPrintable(u"every field: "_s + resource.name)) << resource;
    WorkspaceReader reader;
    const std::optional<Workspace> demo = reader.readFile(demoWorkspacePath());
    QVERIFY2(demo, qPrintable(reader.error().toString()));
    for (const Resource &resource : demo->resources)
        QTest::newRow(qPrintable(u"demo: "_s + resource.name)) << resource;
}

void TestWorkspaceFormat::resourceExportRoundTrip()
{
    QFETCH(Resource, resource);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"export.json"_s);

    WorkspaceWriter writer;
    QVERIFY2(writer.writeResourceFile(resource, path), qPrintable(writer.error().toString()));
    const QByteArray written = fileBytes(path);
    QCOMPARE(written, WorkspaceWriter::resourceToJson(resource));
    QCOMPARE(WorkspaceWriter::resourceToJson(resource), written); // stable

    const QJsonObject root = parseObject(written);
    QCOMPARE(sorted(root.keys()),
             (QStringList {u"format"_s, u"formatVersion"_s, u"generator"_s, u"resource"_s}));
    QCOMPARE(root.value(u"format"_s).toString(), u"authstudio-resource"_s);
    QCOMPARE(root.value(u"formatVersion"_s).toInt(), WorkspaceFormat::FormatVersion);
    // The resource is written exactly as inside a workspace file.
    Workspace single;
    single.resources.append(resource);
    QCOMPARE(root.value(u"resource"_s).toObject(),
             parseObject(WorkspaceWriter::toJson(single)).value(u"resources"_s).toArray().at(0).toObject());

    WorkspaceReader reader;
    const std::optional<Resource> loaded = reader.readResource(written, path);
    QVERIFY2(loaded, qPrintable(reader.error().toString()));
    QVERIFY(*loaded == resource);
    QCOMPARE(WorkspaceWriter::resourceToJson(*loaded), written);
}

void TestWorkspaceFormat::resourceExportFile()
{
    const QString path = dataPath(u"resource-export.json"_s);
    WorkspaceReader reader;
    const std::optional<Resource> resource = reader.readResource(fileBytes(path), path);
    QVERIFY2(resource, qPrintable(reader.error().toString()));
    QCOMPARE(resource->name, u"API"_s);
    QCOMPARE(resource->authMethod, Resource::AuthMethod::Custom);
    QCOMPARE(resource->customAuth.authWorkflow.steps.size(), 3);
    QCOMPARE(stepType(resource->customAuth.authWorkflow.steps.at(2)), StepType::DefineVariable);
    QVERIFY(resource->customAuth.loginTestEnabled);
}

void TestWorkspaceFormat::resourceExportBadFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("asResource"); // read with readResource() rather than read()
    QTest::addColumn<QString>("place");
    QTest::addColumn<QString>("reason");

    QTest::newRow("literal secret in an export")
        << u"resource-export-secret-literal.json"_s << true << u"/resource/auth/authWorkflow/2/value"_s
        << u"secret variable 'TOKEN' holds a literal value"_s;
    QTest::newRow("export without a resource") << u"resource-export-missing-resource.json"_s << true
                                               << u"/resource"_s << u"required key 'resource' is missing"_s;
    QTest::newRow("workspace read as an export") << u"every-field.authstudio.json"_s << true << u"/format"_s
                                                 << u"\"format\": \"authstudio-resource\""_s;
    QTest::newRow("export read as a workspace")
        << u"resource-export.json"_s << false << u"/format"_s << u"\"format\": \"authstudio-workspace\""_s;
    QTest::newRow("truncated export") << u"truncated.json"_s << true << u"8:40"_s << u"invalid JSON"_s;
    QTest::newRow("empty export") << u"empty.json"_s << true << u"1:1"_s << u"the file is empty"_s;
}

void TestWorkspaceFormat::resourceExportBadFiles()
{
    QFETCH(QString, file);
    QFETCH(bool, asResource);
    QFETCH(QString, place);
    QFETCH(QString, reason);

    const QString path = dataPath(file);
    const QByteArray data = fileBytes(path);
    QVERIFY(QFileInfo::exists(path));
    WorkspaceReader reader;
    if (asResource)
        QVERIFY(!reader.readResource(data, path));
    else
        QVERIFY(!reader.read(data, path));
    QCOMPARE(reader.error().file, path);
    QCOMPARE(reader.error().place, place);
    QVERIFY2(reader.error().reason.contains(reason), qPrintable(reader.error().reason));
}

void TestWorkspaceFormat::writeResourceFileRefusesInvalidResource()
{
    Workspace workspace = everyFieldWorkspace();
    std::get<DefineVariableStep>(authStep(workspace, 0, 5)).value = u"literal"_s;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"export.json"_s);
    WorkspaceWriter writer;
    QVERIFY(!writer.writeResourceFile(workspace.resources.at(0), path));
    QCOMPARE(writer.error().file, path);
    QCOMPARE(writer.error().place, u"/resource/auth/authWorkflow/5/value"_s);
    QVERIFY(writer.error().reason.contains(u"holds a literal value"_s));
    QVERIFY(!QFileInfo::exists(path));
}

// ---- errors ----

void TestWorkspaceFormat::placesDescribedInTheEditorsWords_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("words");
    const QString auth = u"/resources/0/auth/authWorkflow"_s;
    QTest::newRow("form field key") << auth +
            u"/0/fields/2/key"_s << u"resource 'Every field', auth workflow, step 'form1', field 3's key"_s;
    QTest::newRow("step header") << auth + u"/1/headers/1/name"_s
                                 << u"resource 'Every field', auth workflow, step 'http1', header 2's name"_s;
    QTest::newRow("query parameter")
        << auth + u"/1/queryParameters/0/name"_s
        << u"resource 'Every field', auth workflow, step 'http1', query parameter 1's name"_s;
    QTest::newRow("body field")
        << auth + u"/2/body/fields/1/name"_s
        << u"resource 'Every field', auth workflow, step 'http2', body field 2's name"_s;
    QTest::newRow("JSON body") << auth + u"/1/body/text"_s
                               << u"resource 'Every field', auth workflow, step 'http1', body"_s;
    QTest::newRow("URL") << auth + u"/1/url"_s
                         << u"resource 'Every field', auth workflow, step 'http1', URL"_s;
    QTest::newRow("refresh step name") << u"/resources/0/auth/refreshWorkflow/1/name"_s
                                       << u"resource 'Every field', refresh workflow, step 'TOKEN', name"_s;
    QTest::newRow("resource header") << u"/resources/0/headers/0/name"_s
                                     << u"resource 'Every field', header 1's name"_s;
    QTest::newRow("resource name") << u"/resources/0/name"_s << u"resource 'Every field', name"_s;
    QTest::newRow("refresh pattern") << u"/resources/0/auth/refresh/onBodyPattern"_s
                                     << u"resource 'Every field', refresh on body"_s;
    QTest::newRow("login timeout") << u"/resources/0/auth/loginTimeoutSeconds"_s
                                   << u"resource 'Every field', login timeout"_s;
    QTest::newRow("workspace variable") << u"/variables/1/name"_s << u"workspace variable 2's name"_s;
    QTest::newRow("exported resource") << u"/resource/auth/authWorkflow/0/name"_s
                                       << u"resource 'Every field', auth workflow, step 'form1', name"_s;
    QTest::newRow("no such resource: the pointer") << u"/resources/9/name"_s << u"/resources/9/name"_s;
}

void TestWorkspaceFormat::placesDescribedInTheEditorsWords()
{
    QFETCH(QString, pointer);
    QFETCH(QString, words);
    QCOMPARE(WorkspaceValidator::describePlace(everyFieldWorkspace(), pointer), words);
}

void TestWorkspaceFormat::formatErrorToString_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("place");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("text");

    QTest::newRow("pointer") << u"ws.authstudio.json"_s << u"/resources/0/name"_s << u"expected a string"_s
                             << u"ws.authstudio.json: /resources/0/name: expected a string"_s;
    QTest::newRow("line and column") << u"/tmp/ws.json"_s << u"3:7"_s << u"invalid JSON: illegal value"_s
                                     << u"/tmp/ws.json: 3:7: invalid JSON: illegal value"_s;
    QTest::newRow("no place") << u"ws.json"_s << QString() << u"can't open the file: No such file"_s
                              << u"ws.json: can't open the file: No such file"_s;
    QTest::newRow("no file name") << QString() << u"/format"_s << u"not an Auth Studio file"_s
                                  << u"<memory>: /format: not an Auth Studio file"_s;
}

void TestWorkspaceFormat::formatErrorToString()
{
    QFETCH(QString, file);
    QFETCH(QString, place);
    QFETCH(QString, reason);
    QFETCH(QString, text);
    const FormatError error {file, place, reason};
    QVERIFY(!error.isNull());
    QCOMPARE(error.toString(), text);
    QVERIFY(FormatError {}.isNull());
}

// ---- the JSON Schema and the bundled demo ----

void TestWorkspaceFormat::schemaParsesAndListsStepTypes()
{
    const QByteArray data = fileBytes(schemaPath());
    QVERIFY2(!data.isEmpty(), qPrintable(schemaPath()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    QVERIFY(document.isObject());
    const QJsonObject schema = document.object();
    QCOMPARE(schema.value(u"$schema"_s).toString(), u"https://json-schema.org/draft/2020-12/schema"_s);

    // The root accepts a workspace file or a single-resource export.
    QStringList rootRefs;
    for (const QJsonValue &choice : schema.value(u"oneOf"_s).toArray())
        rootRefs.append(choice.toObject().value(u"$ref"_s).toString());
    QCOMPARE(rootRefs, (QStringList {u"#/$defs/workspaceFile"_s, u"#/$defs/resourceFile"_s}));
    QCOMPARE(schemaDefinition(schema, u"workspaceFile/format"_s).value(u"const"_s).toString(),
             WorkspaceFormat::formatName());
    QCOMPARE(schemaDefinition(schema, u"resourceFile/format"_s).value(u"const"_s).toString(),
             u"authstudio-resource"_s);
    QCOMPARE(schemaDefinition(schema, u"formatVersion"_s).value(u"const"_s).toInt(),
             WorkspaceFormat::FormatVersion);

    const QStringList stepTypes {stepTypeId(StepType::Form), stepTypeId(StepType::ApiRequest),
                                 stepTypeId(StepType::JavaScript), stepTypeId(StepType::DefineVariable)};
    QCOMPARE(stepTypes, (QStringList {u"form"_s, u"apiRequest"_s, u"javascript"_s, u"defineVariable"_s}));
    QStringList listed;
    for (const QJsonValue &value : schemaDefinition(schema, u"step/type"_s).value(u"enum"_s).toArray())
        listed.append(value.toString());
    QCOMPARE(listed, stepTypes);
    for (const QString &type : stepTypes) {
        const QJsonObject definition = schemaDefinition(schema, type + u"Step"_s);
        QVERIFY2(!definition.isEmpty(), qPrintable(type));
        QCOMPARE(definition.value(u"properties"_s)
                     .toObject()
                     .value(u"type"_s)
                     .toObject()
                     .value(u"const"_s)
                     .toString(),
                 type);
        QCOMPARE(definition.value(u"additionalProperties"_s).toBool(true), false);
    }
}

void TestWorkspaceFormat::schemaDescribesEveryProperty()
{
    const QJsonObject schema = loadSchema();
    QList<Node> nodes;
    collectNodes(schema, QString(), nodes);
    int properties = 0;
    for (const Node &node : std::as_const(nodes)) {
        if (!node.pointer.endsWith(u"/properties"_s) || !node.value.isObject())
            continue;
        // Properties inside "if"/"then" only add rules to properties described elsewhere.
        if (node.pointer.contains(u"/if/"_s) || node.pointer.contains(u"/then/"_s) ||
            node.pointer.contains(u"/customAuthStepRules/"_s))
            continue;
        const QJsonObject object = node.value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QJsonObject property = resolved(schema, it.value().toObject());
            QVERIFY2(!property.value(u"description"_s).toString().isEmpty(),
                     qPrintable(node.pointer + QLatin1Char('/') + it.key()));
            ++properties;
        }
    }
    QVERIFY(properties > 50);
}

// The schema and the reader agree, object by object, on a full document: the allowed keys (from the
// reader's "unknown key" message), the required keys, the enum values and the defaults.
void TestWorkspaceFormat::schemaMatchesReader()
{
    const QJsonObject schema = loadSchema();
    const QJsonObject root = parseObject(WorkspaceWriter::toJson(everyFieldWorkspace()));
    QSet<QString> definitionsSeen;
    WorkspaceReader reader;
    for (const Node &node : objectNodes(root)) {
        const QJsonObject object = node.value.toObject();
        const QString name = schemaDefinitionFor(node.pointer, object);
        definitionsSeen.insert(name);
        const QJsonObject definition = schemaDefinition(schema, name);
        QVERIFY2(!definition.isEmpty(), qPrintable(name));
        QCOMPARE(definition.value(u"additionalProperties"_s).toBool(true), false);
        const QJsonObject properties = definition.value(u"properties"_s).toObject();
        QSet<QString> requiredInSchema;
        for (const QJsonValue &key : definition.value(u"required"_s).toArray())
            requiredInSchema.insert(key.toString());

        // Allowed keys.
        QVERIFY(!reader.read(withKey(root, node.pointer, u"unexpectedKey"_s, true)));
        const QStringList allowed = expectedList(reader.error().reason);
        QVERIFY2(!allowed.isEmpty(), qPrintable(reader.error().reason));
        QCOMPARE(sorted(properties.keys()), sorted(allowed));

        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString where = node.pointer + QLatin1Char('/') + it.key();
            const QJsonObject property = resolved(schema, properties.value(it.key()).toObject());

            // Required or optional.
            const std::optional<Workspace> withoutIt = reader.read(withoutKey(root, node.pointer, it.key()));
            QVERIFY2(bool(withoutIt) == !requiredInSchema.contains(it.key()), qPrintable(where));

            // Default: a key left out reads as the schema's default (the writer may then leave it out).
            if (withoutIt && property.contains(u"default"_s)) {
                QJsonValue current = parseObject(WorkspaceWriter::toJson(*withoutIt));
                for (const QString &token : node.pointer.split(QLatin1Char('/'), Qt::SkipEmptyParts))
                    current = current.isArray() ? current.toArray().at(token.toInt())
                                                : current.toObject().value(token);
                const QJsonValue written = current.toObject().value(it.key());
                if (!written.isUndefined())
                    QVERIFY2(written == property.value(u"default"_s), qPrintable(where));
            }

            // Enum values.
            if (property.contains(u"enum"_s) || (it.key() == u"type"_s && name.endsWith(u"Step"_s))) {
                QVERIFY(!reader.read(withKey(root, node.pointer, it.key(), u"zzz"_s)));
                QCOMPARE(reader.error().place, where);
                const QJsonArray values = it.key() == u"type"_s && name.endsWith(u"Step"_s)
                    ? schemaDefinition(schema, u"step/type"_s).value(u"enum"_s).toArray()
                    : property.value(u"enum"_s).toArray();
                QStringList inSchema;
                for (const QJsonValue &value : values)
                    inSchema.append(value.toString());
                QCOMPARE(expectedList(reader.error().reason), inSchema);
            }
        }
    }
    const QSet<QString> expectedDefinitions {
        u"workspaceFile"_s,  u"workspaceVariable"_s, u"keyValue"_s,           u"resource"_s,
        u"auth"_s,           u"auth/loginTest"_s,    u"auth/refresh"_s,       u"formStep"_s,
        u"apiRequestStep"_s, u"javascriptStep"_s,    u"defineVariableStep"_s, u"formField"_s,
        u"requestBody"_s};
    QCOMPARE(definitionsSeen, expectedDefinitions);
}

void TestWorkspaceFormat::bundledDemoWorkspaceLoads()
{
    WorkspaceReader reader;
    const std::optional<Workspace> demo = reader.readFile(demoWorkspacePath());
    QVERIFY2(demo, qPrintable(reader.error().toString()));
    QVERIFY(!demo->resources.isEmpty());
    QVERIFY(WorkspaceValidator::validate(*demo).isEmpty());
    QVERIFY(demo->findResource(u"Seed walkthrough"_s));
    for (const Resource &resource : demo->resources) {
        for (const Workflow *workflow :
             {&resource.customAuth.authWorkflow, &resource.customAuth.refreshWorkflow}) {
            for (const Step &step : workflow->steps) {
                if (const auto *variable = std::get_if<DefineVariableStep>(&step);
                    variable && variable->secret)
                    QVERIFY2(variable->value.contains(u"{{"_s), qPrintable(variable->name));
            }
        }
    }
    // The seed walkthrough logs in with a form and a JSON API request, and keeps the secret as a variable.
    const Resource *seed = demo->findResource(u"Seed walkthrough"_s);
    QCOMPARE(seed->authMethod, Resource::AuthMethod::Custom);
    const QList<Step> &steps = seed->customAuth.authWorkflow.steps;
    QVERIFY(steps.size() >= 2);
    QCOMPARE(stepType(steps.at(0)), StepType::Form);
    QCOMPARE(stepType(steps.at(1)), StepType::ApiRequest);
}

// A workspace variable that looks like it holds a secret is allowed, and warned of (QA pass 38): its name
// says so with a value that isn't an address, a number or an expression, or its value is a token.
void TestWorkspaceFormat::secretLookingVariables_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("why");
    const QString byName = QStringLiteral("its name says it holds a secret");
    const QString byValue = QStringLiteral("its value looks like a token");
    QTest::newRow("password") << QStringLiteral("SVC_PASSWORD") << QStringLiteral("hunter2") << byName;
    QTest::newRow("api key") << QStringLiteral("stripeApiKey") << QStringLiteral("sk_test_123") << byName;
    QTest::newRow("client secret") << QStringLiteral("CLIENT_SECRET") << QStringLiteral("abc") << byName;
    QTest::newRow("jwt, any name") << QStringLiteral("X")
                                   << QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig") << byValue;
    QTest::newRow("bearer, any name")
        << QStringLiteral("AUTH") << QStringLiteral("Bearer abcdefgh12345") << byValue;
    QTest::newRow("address") << QStringLiteral("TOKEN_URL") << QStringLiteral("https://id.example.com/token")
                             << QString();
    QTest::newRow("number") << QStringLiteral("TOKEN_TTL") << QStringLiteral("3600") << QString();
    QTest::newRow("flag") << QStringLiteral("USE_TOKEN") << QStringLiteral("true") << QString();
    QTest::newRow("empty") << QStringLiteral("PASSWORD") << QString() << QString();
    QTest::newRow("expression") << QStringLiteral("TOKEN") << QStringLiteral("{{ http1.body.token }}")
                                << QString();
    QTest::newRow("ordinary") << QStringLiteral("DEMO_API") << QStringLiteral("http://127.0.0.1:8787")
                              << QString();
    QTest::newRow("ordinary text") << QStringLiteral("TENANT") << QStringLiteral("acme") << QString();
    QTest::newRow("abbreviated") << QStringLiteral("DB_PASS") << QStringLiteral("hunter2") << byName;
    QTest::newRow("a word inside") << QStringLiteral("COMPASS_HOST") << QStringLiteral("north") << QString();
}

void TestWorkspaceFormat::secretLookingVariables()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, why);
    QCOMPARE(WorkspaceValidator::secretLookingVariable(KeyValue {name, value}), why);
}

void TestWorkspaceFormat::secretLookingHeaders_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("why");
    const QString beside = QStringLiteral("a credential is written beside its {{ expression }}");
    QTest::newRow("credential header")
        << QStringLiteral("Authorization") << QStringLiteral("Basic dXNlcjpwYXNz")
        << QStringLiteral("the Authorization header carries credentials");
    QTest::newRow("token, any header")
        << QStringLiteral("X-Trace") << QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig")
        << QStringLiteral("its value looks like a token");
    QTest::newRow("as meant") << QStringLiteral("Authorization") << QStringLiteral("Bearer {{ TOKEN }}")
                              << QString();
    QTest::newRow("computed") << QStringLiteral("Authorization")
                              << QStringLiteral("Basic {{ btoa(form1.email + ':' + form1.password) }}")
                              << QString();
    // QA pass 46: a key typed beside the expression is in the file all the same.
    QTest::newRow("key beside") << QStringLiteral("Authorization")
                                << QStringLiteral("Bearer {{ TOKEN }}x7Kd93hQ2m") << beside;
    QTest::newRow("cookie beside") << QStringLiteral("Cookie")
                                   << QStringLiteral("theme=dark; sid=9f8e7d6c5b4a; csrf={{ CSRF }}")
                                   << beside;
    QTest::newRow("cookie words") << QStringLiteral("Cookie") << QStringLiteral("theme=dark; csrf={{ CSRF }}")
                                  << QString();
    QTest::newRow("jwt beside, any header")
        << QStringLiteral("X-Both") << QStringLiteral("{{ A }} eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig")
        << beside;
    QTest::newRow("words beside, another header")
        << QStringLiteral("X-Request-Id") << QStringLiteral("build-2024abc {{ RUN }}") << QString();
    QTest::newRow("unclosed") << QStringLiteral("Authorization") << QStringLiteral("Bearer {{ TOKEN")
                              << QString();
    QTest::newRow("plain") << QStringLiteral("Accept") << QStringLiteral("application/json") << QString();
}

void TestWorkspaceFormat::secretLookingHeaders()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, why);
    QCOMPARE(WorkspaceValidator::secretLookingHeader(KeyValue {name, value}), why);
}

// QA pass 38: three wrong values took three rounds of fixing, one error each. Every key and value the
// format refuses is listed, in reading order, and an object that isn't one is said once, not with a missing
// key for each of its members. The rules of a well-formed file wait until its shape is right.
void TestWorkspaceFormat::everyProblemOfShapeIsListed()
{
    const QByteArray data = R"({"format": "authstudio-workspace", "formatVersion": 1, "colour": "red",
        "resources": [{"name": "r", "headers": [{"name": "A", "value": 5}], "auth": {"method": "custom",
        "loginTimeoutSeconds": "60", "authWorkflow": [7, {"type": "form", "name": "a"}, {"type": "form", "name": "a"}],
        "refresh": {"trigger": "sometimes", "onStatuses": [401, 99]}}}, "nope"]})";
    WorkspaceReader reader;
    QVERIFY(!reader.read(data, QStringLiteral("f.json")));
    QStringList listed;
    for (const FormatError &error : reader.errors())
        listed.append(error.place + QStringLiteral(": ") + error.reason.section(QLatin1String(" ("), 0, 0));
    QCOMPARE(listed,
             (QStringList {
                 QStringLiteral("/colour: unknown key 'colour'"),
                 QStringLiteral("/resources/0/headers/0/value: expected a string, found a number"),
                 QStringLiteral("/resources/0/auth/authWorkflow/0: expected a step object, found a number"),
                 QStringLiteral("/resources/0/auth/loginTimeoutSeconds: expected an integer, found a string"),
                 QStringLiteral("/resources/0/auth/refresh/trigger: unknown value 'sometimes'"),
                 QStringLiteral(
                     "/resources/0/auth/refresh/onStatuses/1: expected an HTTP status between 100 and 599"),
                 QStringLiteral("/resources/1: expected an object, found a string")}));
    QCOMPARE(reader.error().place, QStringLiteral("/colour"));
    // With its shape put right, the rules it breaks come up (the duplicate step name).
    QByteArray fixed = data;
    fixed.replace(R"("colour": "red",)", "")
        .replace(R"("value": 5)", R"("value": "5")")
        .replace(R"("loginTimeoutSeconds": "60")", R"("loginTimeoutSeconds": 60)")
        .replace("[7, ", "[")
        .replace("sometimes", "none")
        .replace(", 99]", "]")
        .replace(R"(, "nope"])", "]");
    QVERIFY(!reader.read(fixed, QStringLiteral("f.json")));
    QCOMPARE(reader.errors().size(), 1);
    QVERIFY2(reader.error().reason.contains(QStringLiteral("duplicate")),
             qPrintable(reader.error().toString()));
}

// A URL no {{ }} can make an http(s) address (QA pass 40: "htp:/bad url with spaces", ftp:// and
// javascript: passed the editor, Save and validate); one starting with an expression is the value's to
// decide.
void TestWorkspaceFormat::urlProblems_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("problem"); // the start of it; empty for none
    const QString scheme = QStringLiteral("not an http:// or https:// address");
    QTest::newRow("https") << QStringLiteral("https://api.example.com/v1") << QString();
    QTest::newRow("http, upper case") << QStringLiteral("HTTP://127.0.0.1:8787") << QString();
    QTest::newRow("blank") << QString() << QString();
    QTest::newRow("an expression first") << QStringLiteral("{{ DEMO_API }}/login") << QString();
    QTest::newRow("a host from an expression") << QStringLiteral("https://{{ HOST }}/login") << QString();
    QTest::newRow("a scheme finished by one") << QStringLiteral("http{{ S }}://api.example.com") << QString();
    QTest::newRow("a typo") << QStringLiteral("htp:/bad url with spaces") << scheme;
    QTest::newRow("ftp") << QStringLiteral("ftp://example.com/post") << scheme;
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << scheme;
    QTest::newRow("no scheme") << QStringLiteral("api.example.com/{{ PATH }}") << scheme;
    QTest::newRow("a space") << QStringLiteral("https://api.example.com/a b")
                             << QStringLiteral("not a valid address: it has a space");
    QTest::newRow("no server") << QStringLiteral("https://")
                               << QStringLiteral("not a valid address: no server");
    // QA pass 41: a space next to an expression was missed, and other faults were all "no server name".
    QTest::newRow("a space after an expression")
        << QStringLiteral("{{ DEMO_API }} /x") << QStringLiteral("not a valid address: it has a space");
    QTest::newRow("a port out of range")
        << QStringLiteral("http://host:99999/") << QStringLiteral("not a valid address: Invalid port");
    QTest::newRow("an IPv6 address") << QStringLiteral("http://[::1]:8841/") << QString();
}

void TestWorkspaceFormat::urlProblems()
{
    QFETCH(QString, url);
    QFETCH(QString, problem);
    const QString found = WorkspaceValidator::urlProblem(url);
    if (problem.isEmpty())
        QVERIFY2(found.isEmpty(), qPrintable(found));
    else
        QVERIFY2(found.startsWith(problem), qPrintable(found));
}

QTEST_GUILESS_MAIN(TestWorkspaceFormat)
#include "tst_workspaceformat.moc"
