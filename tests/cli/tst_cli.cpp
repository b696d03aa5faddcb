// Runs the real authstudio-cli binary, as a script or CI job would: exit codes, error formats, masking,
// JSON output and the demo-server command.
#include "TestWorkspaces.h"
#include "demo/DemoServer.h"
#include "format/WorkspaceWriter.h"
#include "script/ReferenceRenamer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace AuthStudio;

namespace {

const QString Demo = QStringLiteral(AUTHSTUDIO_SOURCE_DIR "/resources/demo/demo-workspace.authstudio.json");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    // Writes `content` to `name` in `dir`; returns its path, or an empty string when it couldn't be written.
    static QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
    {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return {};
        return file.fileName();
    }

    // A command refused for its options (exit 2) with `message`, before it ran anything, and without
    // echoing the value given as "hidden-value".
    static void expectRefusedBeforeRunning(const QStringList &arguments, const QString &message);

    static Run cli(const QStringList &arguments,
                   const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setStandardInputFile(QProcess::nullDevice()); // no terminal: prompts must not hang
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(AUTHSTUDIO_CLI_PATH), arguments);
        if (!finished.wait(60000)) {
            process.kill();
            return {};
        }
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    static QStringList seedArguments(const QString &password = QStringLiteral("correct horse battery"))
    {
        return {QStringLiteral("auth"),
                Demo,
                QStringLiteral("--resource"),
                QStringLiteral("Seed walkthrough"),
                QStringLiteral("--with-demo-server"),
                QStringLiteral("--input"),
                QStringLiteral("form1.email=ada@example.com"),
                QStringLiteral("--input"),
                QStringLiteral("form1.password=") + password};
    }

    // The demo API's login (resource "api") with a script after the login request that logs the form's
    // password among other things, and a resource "throwing" whose script logs, then throws.
    static QString writeLoggingWorkspace(const QTemporaryDir &dir)
    {
        Workspace workspace = TestWorkspaces::demoLoginWorkspace(QStringLiteral("http://127.0.0.1:1"));
        JavaScriptStep js;
        js.code =
            QStringLiteral("console.log('logged in as', form1.email, 'with', form1.password);\n"
                           "console.warn('token', { length: http1.body.token.length > 0 });\nreturn 1;");
        workspace.resources[0].customAuth.authWorkflow.steps.insert(2, js);
        Resource throwing = workspace.resources.at(0);
        throwing.name = QStringLiteral("throwing");
        js.code = QStringLiteral("console.error('about to throw');\nthrow new Error('no token');");
        throwing.customAuth.authWorkflow.steps = {js};
        workspace.resources.append(throwing);
        return writeFile(dir, QStringLiteral("console.authstudio.json"), WorkspaceWriter::toJson(workspace));
    }

    static QStringList loginInputs()
    {
        return {QStringLiteral("--input"), QStringLiteral("form1.email=") + DemoServer::demoEmail(),
                QStringLiteral("--input"), QStringLiteral("form1.password=") + DemoServer::demoPassword()};
    }

private Q_SLOTS:
    void usage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("no command") << QStringList() << 2;
        QTest::newRow("unknown command") << QStringList {QStringLiteral("frobnicate")} << 2;
        QTest::newRow("help") << QStringList {QStringLiteral("--help")} << 0;
        QTest::newRow("validate help")
            << QStringList {QStringLiteral("validate"), QStringLiteral("--help")} << 0;
        QTest::newRow("auth help") << QStringList {QStringLiteral("auth"), QStringLiteral("--help")} << 0;
        QTest::newRow("demo-server help")
            << QStringList {QStringLiteral("demo-server"), QStringLiteral("--help")} << 0;
        QTest::newRow("auth without resource") << QStringList {QStringLiteral("auth"), Demo} << 2;
        QTest::newRow("auth bad input")
            << QStringList {QStringLiteral("auth"),       Demo,
                            QStringLiteral("--resource"), QStringLiteral("x"),
                            QStringLiteral("--input"),    QStringLiteral("novalue")}
            << 2;
        QTest::newRow("unknown option")
            << QStringList {QStringLiteral("validate"), QStringLiteral("--frob"), Demo} << 2;
        QTest::newRow("validate json")
            << QStringList {QStringLiteral("validate"), QStringLiteral("--json"), Demo} << 0;
    }
    void usage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY(!(exitCode == 0 ? run.out : run.err).trimmed().isEmpty());
    }

    // A subcommand's help names the command to type, not the binary's path.
    void subcommandHelpNamesTheCommand_data()
    {
        QTest::addColumn<QString>("command");
        for (const char *command : {"validate", "auth", "query", "logout", "demo-server"})
            QTest::newRow(command) << QString::fromLatin1(command);
    }
    void subcommandHelpNamesTheCommand()
    {
        QFETCH(QString, command);
        const Run run = cli({command, QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        const QString usage = QStringLiteral("Usage: authstudio-cli %1 [options]").arg(command);
        QVERIFY2(run.out.startsWith(usage), qPrintable(run.out.section(QLatin1Char('\n'), 0, 0)));
    }

    // Started from a folder holding a library of the same name as one it needs, the program must still
    // load the system's: a build tree's binary used to look for its libraries in the current directory.
    void startsFromAnyDirectoryWithItsOwnLibraries()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        for (const char *name : {"libQt6Core.so.6", "libQt6Network.so.6", "libQt6Qml.so.6"}) {
            QFile library(folder.filePath(QLatin1String(name)));
            QVERIFY(library.open(QIODevice::WriteOnly));
            library.write("not a library");
        }
        QProcess process;
        process.setWorkingDirectory(folder.path());
        process.setStandardInputFile(QProcess::nullDevice());
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(AUTHSTUDIO_CLI_PATH), {QStringLiteral("--version")});
        QVERIFY(finished.wait(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QVERIFY(process.readAllStandardOutput().contains(AUTHSTUDIO_VERSION));
    }

    // The studio's --help and --version answer without a display: over SSH, in a script, in CI.
    void studioHelpNeedsNoDisplay()
    {
        for (const QString &option : {QStringLiteral("--help"), QStringLiteral("--version")}) {
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
                environment.remove(QLatin1String(name));
            QProcess process;
            process.setProcessEnvironment(environment);
            process.setStandardInputFile(QProcess::nullDevice());
            QSignalSpy finished(&process, &QProcess::finished);
            process.start(QStringLiteral(AUTHSTUDIO_STUDIO_PATH), {option});
            QVERIFY(finished.wait(60000));
            QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
            const QByteArray out = process.readAllStandardOutput();
            QVERIFY2(out.contains(option == QLatin1String("--help") ? QByteArray("[file]")
                                                                    : QByteArray(AUTHSTUDIO_VERSION)),
                     out.constData());
        }
    }

    void validateValid()
    {
        const Run run = cli({QStringLiteral("validate"), Demo});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), Demo + QStringLiteral(": valid (2 resources)"));
    }

    void validateInvalid_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("placeAndReason");
        QTest::newRow("truncated")
            << QByteArray(
                   "{\n  \"format\": \"authstudio-workspace\",\n  \"formatVersion\": 1,\n  \"resources\": [")
            << QStringLiteral(": 4:");
        QTest::newRow("newer version")
            << QByteArray(R"({"format": "authstudio-workspace", "formatVersion": 99})")
            << QStringLiteral(
                   ": /formatVersion: the file has format version 99, written by a newer Auth Studio");
        QTest::newRow("unknown step type")
            << QByteArray(
                   R"({"format": "authstudio-workspace", "formatVersion": 1, "resources": [{"name": "r", "auth": {"method": "custom", "authWorkflow": [{"type": "ldap", "name": "x"}]}}]})")
            << QStringLiteral(": /resources/0/auth/authWorkflow/0/type: unknown step type 'ldap'");
    }
    void validateInvalid()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, placeAndReason);
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("bad.authstudio.json"), content);
        QVERIFY(!path.isEmpty());
        const Run run = cli({QStringLiteral("validate"), path});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith(path + placeAndReason), qPrintable(run.err));
    }

    // Valid by the file's rules, but a name nobody defines would stop a run: a warning, exit 0. A resource
    // export validates too, with a note of what it reads from the workspace it goes into.
    void validateWarnsOfUndefinedNamesAndReadsExports()
    {
        QTemporaryDir dir;
        const QString typo = writeFile(
            dir, QStringLiteral("typo.authstudio.json"),
            QByteArray(
                "{\"format\": \"authstudio-workspace\", \"formatVersion\": 1, \"variables\": [{\"name\": "
                "\"API\", \"value\": \"http://127.0.0.1:1\"}], \"resources\": [{\"name\": \"r\", "
                "\"baseUrl\": "
                "\"{{ API }}\", \"headers\": [{\"name\": \"Authorization\", \"value\": \"Bearer {{ tokn "
                "}}\"}]}]}"));
        const Run run = cli({QStringLiteral("validate"), typo});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral(": valid (1 resource)")), qPrintable(run.out));
        QVERIFY2(run.err.contains(QStringLiteral("warning: resource \"r\" reads {{ tokn }}, which no step")),
                 qPrintable(run.err));
        QVERIFY(!run.err.contains(QStringLiteral("{{ API }}")));

        // A step named like one of JavaScript's globals is allowed, with a warning: scripts after it
        // see the step instead.
        const QString shadowing = writeFile(
            dir, QStringLiteral("shadowing.authstudio.json"),
            R"({"format": "authstudio-workspace", "formatVersion": 1, "resources": [{"name": "r", "auth": {"method": "custom", "authWorkflow": [{"type": "javascript", "name": "JSON", "code": "return 1"}]}}]})");
        const Run shadowed = cli({QStringLiteral("validate"), shadowing});
        QCOMPARE(shadowed.exitCode, 0);
        QVERIFY2(shadowed.err.contains(QStringLiteral("warning: resource \"r\" has a step named JSON, also "
                                                      "JavaScript's")),
                 qPrintable(shadowed.err));

        // A workspace variable holding what looks like a secret: allowed, and warned of (QA pass 38).
        const QString password = writeFile(
            dir, QStringLiteral("password.authstudio.json"),
            R"({"format": "authstudio-workspace", "formatVersion": 1, "variables": [{"name": "SVC_PASSWORD", "value": "hidden-value"}], "resources": []})");
        const Run passwordRun = cli({QStringLiteral("validate"), password});
        QCOMPARE(passwordRun.exitCode, 0);
        QVERIFY2(passwordRun.err.contains(QStringLiteral(
                     "warning: workspace variable SVC_PASSWORD looks like a secret (its name says it holds a "
                     "secret): workspace variables are saved in the file as written")),
                 qPrintable(passwordRun.err));
        QVERIFY(!passwordRun.err.contains(QStringLiteral("hidden-value")));

        // Custom auth with no enabled auth steps: a login runs nothing (QA pass 39), warned of; auth refuses.
        const QString emptyAuth = writeFile(
            dir, QStringLiteral("emptyauth.authstudio.json"),
            R"({"format": "authstudio-workspace", "formatVersion": 1, "resources": [{"name": "r", "auth": {"method": "custom", "authWorkflow": [{"type": "defineVariable", "name": "T", "value": "x", "enabled": false}]}}]})");
        const Run emptyRun = cli({QStringLiteral("validate"), emptyAuth});
        QCOMPARE(emptyRun.exitCode, 0);
        QVERIFY2(
            emptyRun.err.contains(QStringLiteral("warning: resource \"r\" uses custom auth, but its auth "
                                                 "workflow has no enabled steps")),
            qPrintable(emptyRun.err));
        const Run emptyAuthRun = cli({QStringLiteral("auth"), emptyAuth});
        QCOMPARE(emptyAuthRun.exitCode, 2);
        QVERIFY2(
            emptyAuthRun.err.contains(QStringLiteral("resource \"r\" has no enabled auth workflow steps: "
                                                     "nothing to run")),
            qPrintable(emptyAuthRun.err));

        // An export gets its resource's own warnings too (QA pass 39: none), but not for the names its
        // workspace is to give (a note says those).
        const QString exportedNoLifetime = writeFile(
            dir, QStringLiteral("nolifetime.authstudio-resource.json"),
            R"({"format": "authstudio-resource", "formatVersion": 1, "resource": {"name": "r", "baseUrl": "{{ API }}", "auth": {"method": "custom", "authWorkflow": [{"type": "defineVariable", "name": "TOKEN", "value": "x"}], "refresh": {"trigger": "timeBased"}}}})");
        const Run exportWarned = cli({QStringLiteral("validate"), exportedNoLifetime});
        QCOMPARE(exportWarned.exitCode, 0);
        QVERIFY2(
            exportWarned.err.contains(QStringLiteral("warning: resource \"r\": time-based refresh has no "
                                                     "session lifetime set")),
            qPrintable(exportWarned.err));
        QVERIFY2(exportWarned.err.contains(QStringLiteral("note: it reads {{ API }} from the workspace")),
                 qPrintable(exportWarned.err));
        QVERIFY2(!exportWarned.err.contains(QStringLiteral("no enabled workspace variable")),
                 qPrintable(exportWarned.err));

        // A session variable secret after a login but not after a refresh (QA pass 38).
        const QString flags = writeFile(
            dir, QStringLiteral("flags.authstudio.json"),
            R"({"format": "authstudio-workspace", "formatVersion": 1, "resources": [{"name": "r", "auth": {"method": "custom", "authWorkflow": [{"type": "defineVariable", "name": "TOKEN", "value": "{{ 1 }}", "secret": true}], "refreshWorkflow": [{"type": "defineVariable", "name": "TOKEN", "value": "{{ 2 }}", "secret": false}]}}]})");
        const Run flagsRun = cli({QStringLiteral("validate"), flags});
        QCOMPARE(flagsRun.exitCode, 0);
        QVERIFY2(
            flagsRun.err.contains(QStringLiteral("warning: resource \"r\" keeps TOKEN secret after a login "
                                                 "and not secret after a refresh")),
            qPrintable(flagsRun.err));

        // A time-based trigger with no lifetime at all is allowed, and off: said (QA pass 38: only a
        // refresh said it).
        const QString noLifetime = writeFile(
            dir, QStringLiteral("nolifetime.authstudio.json"),
            R"({"format": "authstudio-workspace", "formatVersion": 1, "resources": [{"name": "r", "auth": {"method": "custom", "authWorkflow": [{"type": "defineVariable", "name": "TOKEN", "value": "x"}], "refresh": {"trigger": "timeBased"}}}]})");
        const Run lifetimeRun = cli({QStringLiteral("validate"), noLifetime});
        QCOMPARE(lifetimeRun.exitCode, 0);
        QVERIFY2(lifetimeRun.err.contains(QStringLiteral("warning: resource \"r\": time-based refresh has no "
                                                         "session lifetime set, so it is off")),
                 qPrintable(lifetimeRun.err));

        // A refresh workflow reading the auth workflow's steps (rather than the variables it defines):
        // a refresh starts from the session, which doesn't keep them (QA pass 32).
        const QString refreshing = writeFile(
            dir, QStringLiteral("refresh.authstudio.json"),
            R"({"format": "authstudio-workspace", "formatVersion": 1, "resources": [{"name": "r", "auth": {"method": "custom", "authWorkflow": [{"type": "form", "name": "form1"}, {"type": "defineVariable", "name": "TOKEN", "value": "{{ form1.email }}"}], "refreshWorkflow": [{"type": "defineVariable", "name": "TOKEN", "value": "{{ form1.email }}{{ TOKEN }}"}]}}]})");
        const Run refreshRun = cli({QStringLiteral("validate"), refreshing});
        QCOMPARE(refreshRun.exitCode, 0);
        QVERIFY2(
            refreshRun.err.contains(QStringLiteral("warning: the refresh workflow of resource \"r\" reads "
                                                   "{{ form1 }}, from the auth workflow's steps")),
            qPrintable(refreshRun.err));

        // What a run evaluates, as the studio's Test judges it (QA pass 37): a name read only by a disabled
        // step or row is no warning; one a later step (or only a disabled one) defines is.
        const QString order = writeFile(
            dir, QStringLiteral("order.authstudio.json"),
            R"({"format": "authstudio-workspace", "formatVersion": 1, "resources": [{"name": "r", "auth": {"method": "custom", "authWorkflow": [{"type": "defineVariable", "name": "A", "value": "{{ LATER }}"}, {"type": "defineVariable", "name": "OFF", "enabled": false, "value": "{{ GHOST }}"}, {"type": "defineVariable", "name": "B", "value": "{{ OFF }}"}, {"type": "defineVariable", "name": "LATER", "value": "x"}]}}]})");
        const Run orderRun = cli({QStringLiteral("validate"), order});
        QCOMPARE(orderRun.exitCode, 0);
        QVERIFY2(orderRun.err.contains(
                     QStringLiteral("warning: step \"A\" of resource \"r\" reads {{ LATER }}, which no "
                                    "enabled workspace variable and no step before it defines")),
                 qPrintable(orderRun.err));
        QVERIFY2(orderRun.err.contains(QStringLiteral("step \"B\" of resource \"r\" reads {{ OFF }}")),
                 qPrintable(orderRun.err));
        QVERIFY2(!orderRun.err.contains(QStringLiteral("GHOST")), qPrintable(orderRun.err));

        // A form field the form doesn't have (a typo, a renamed key): the run would send null (QA pass 35).
        // Not one a disabled step reads, nor one of a later step of the form's name.
        const QString misspelt = writeFile(
            dir, QStringLiteral("field.authstudio.json"),
            R"({"format": "authstudio-workspace", "formatVersion": 1, "resources": [{"name": "r", "auth": {"method": "custom", "authWorkflow": [{"type": "form", "name": "form1", "fields": [{"key": "email"}, {"key": "password"}]}, {"type": "defineVariable", "name": "A", "value": "{{ form1.mail }}{{ form1.email }}"}, {"type": "defineVariable", "name": "B", "enabled": false, "value": "{{ form1.nope }}"}]}}]})");
        const Run fieldRun = cli({QStringLiteral("validate"), misspelt});
        QCOMPARE(fieldRun.exitCode, 0);
        QVERIFY2(fieldRun.err.contains(
                     QStringLiteral("warning: step \"A\" of resource \"r\" reads {{ form1.mail }}, a "
                                    "field form \"form1\" doesn't have (its fields: email, password)")),
                 qPrintable(fieldRun.err));
        QVERIFY2(!fieldRun.err.contains(QStringLiteral("form1.email")), qPrintable(fieldRun.err));
        QVERIFY2(!fieldRun.err.contains(QStringLiteral("form1.nope")), qPrintable(fieldRun.err));

        const QString exported = writeFile(
            dir, QStringLiteral("r.authstudio-resource.json"),
            R"({"format": "authstudio-resource", "formatVersion": 1, "resource": {"name": "r", "baseUrl": "{{ API }}"}})");
        const Run exportRun = cli({QStringLiteral("validate"), exported});
        QCOMPARE(exportRun.exitCode, 0);
        QVERIFY2(exportRun.out.contains(QStringLiteral(": valid resource export (\"r\")")),
                 qPrintable(exportRun.out + exportRun.err));
        QVERIFY2(exportRun.err.contains(QStringLiteral("note: it reads {{ API }} from the workspace")),
                 qPrintable(exportRun.err));
    }

    // validate --json: one document on standard output, what goes to standard error and the exit code as
    // without it.
    void validateJson()
    {
        QTemporaryDir dir;
        const auto document = [](const Run &run) {
            QJsonParseError error;
            const QJsonObject object = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
            if (error.error != QJsonParseError::NoError)
                qWarning("not JSON: %s", qPrintable(run.out));
            return object;
        };

        const Run valid = cli({QStringLiteral("validate"), QStringLiteral("--json"), Demo});
        QCOMPARE(valid.exitCode, 0);
        QJsonObject json = document(valid);
        QCOMPARE(json.value(QStringLiteral("ok")).toBool(false), true);
        QCOMPARE(json.value(QStringLiteral("file")).toString(), Demo);
        QCOMPARE(json.value(QStringLiteral("kind")).toString(), QStringLiteral("workspace"));
        QCOMPARE(json.value(QStringLiteral("resources")).toArray(),
                 (QJsonArray {QStringLiteral("Seed walkthrough"), QStringLiteral("Demo login")}));
        QCOMPARE(json.value(QStringLiteral("errors")).toArray(), QJsonArray());
        QCOMPARE(json.value(QStringLiteral("warnings")).toArray(), QJsonArray());

        const QString typo = writeFile(
            dir, QStringLiteral("typo.authstudio.json"),
            R"({"format": "authstudio-workspace", "formatVersion": 1, "resources": [{"name": "r", "baseUrl": "{{ tokn }}"}]})");
        const Run warned = cli({QStringLiteral("validate"), typo, QStringLiteral("--json")});
        QCOMPARE(warned.exitCode, 0);
        json = document(warned);
        QCOMPARE(json.value(QStringLiteral("ok")).toBool(false), true);
        const QJsonObject warning = json.value(QStringLiteral("warnings")).toArray().first().toObject();
        QCOMPARE(warning.value(QStringLiteral("resource")).toString(), QStringLiteral("r"));
        QCOMPARE(warning.value(QStringLiteral("names")).toArray(), QJsonArray {QStringLiteral("tokn")});
        QVERIFY(warning.value(QStringLiteral("message")).toString().contains(QStringLiteral("{{ tokn }}")));
        QVERIFY2(warned.err.contains(QStringLiteral("warning: resource \"r\" reads {{ tokn }}")),
                 qPrintable(warned.err));

        // Bad JSON: the line and column; a broken rule: the field's JSON pointer.
        const QString truncated = writeFile(dir, QStringLiteral("truncated.authstudio.json"),
                                            "{\n  \"format\": \"authstudio-workspace\",\n  \"resources\": [");
        const Run syntax = cli({QStringLiteral("validate"), QStringLiteral("--json"), truncated});
        QCOMPARE(syntax.exitCode, 2);
        json = document(syntax);
        QCOMPARE(json.value(QStringLiteral("ok")).toBool(true), false);
        QJsonObject error = json.value(QStringLiteral("errors")).toArray().first().toObject();
        QCOMPARE(error.value(QStringLiteral("file")).toString(), truncated);
        QCOMPARE(error.value(QStringLiteral("line")).toInt(), 3);
        QVERIFY(error.value(QStringLiteral("column")).toInt() > 0);
        QVERIFY(!error.contains(QStringLiteral("field")));
        QVERIFY(error.value(QStringLiteral("message")).toString().startsWith(QStringLiteral("invalid JSON")));
        QVERIFY2(syntax.err.startsWith(truncated + QStringLiteral(": 3:")), qPrintable(syntax.err));

        const Run rule =
            cli({QStringLiteral("validate"), QStringLiteral("--json"),
                 QStringLiteral(AUTHSTUDIO_SOURCE_DIR "/tests/data/format/invalid-json-body.json")});
        QCOMPARE(rule.exitCode, 2);
        error = document(rule).value(QStringLiteral("errors")).toArray().first().toObject();
        QCOMPARE(error.value(QStringLiteral("field")).toString(),
                 QStringLiteral("/resources/0/auth/authWorkflow/1/body/text"));
        QVERIFY(!error.contains(QStringLiteral("line")));
        QVERIFY2(error.value(QStringLiteral("message"))
                     .toString()
                     .startsWith(QStringLiteral("the JSON body is not valid JSON")),
                 qPrintable(error.value(QStringLiteral("message")).toString()));

        // A file that breaks several rules lists them all, in the file's order.
        const QString twice = writeFile(
            dir, QStringLiteral("twice.authstudio.json"),
            R"({"format": "authstudio-workspace", "formatVersion": 1, "variables": [{"name": "2x", "value": ""}],
                "resources": [{"name": "r", "baseUrl": "{{ nope }}"}, {"name": "r"}]})");
        const Run rules = cli({QStringLiteral("validate"), QStringLiteral("--json"), twice});
        QCOMPARE(rules.exitCode, 2);
        QStringList fields;
        for (const QJsonValue &each : document(rules).value(QStringLiteral("errors")).toArray())
            fields.append(each.toObject().value(QStringLiteral("field")).toString());
        QCOMPARE(fields,
                 (QStringList {QStringLiteral("/variables/0/name"), QStringLiteral("/resources/1/name")}));
        // Its warnings come too: fixing the errors brings no second round (QA pass 24).
        const QJsonArray ruleWarnings = document(rules).value(QStringLiteral("warnings")).toArray();
        QCOMPARE(ruleWarnings.size(), 1);
        QCOMPARE(ruleWarnings.at(0).toObject().value(QStringLiteral("names")).toArray(),
                 QJsonArray {QStringLiteral("nope")});
        const Run rulesAsText = cli({QStringLiteral("validate"), twice});
        QCOMPARE(rulesAsText.exitCode, 2);
        QCOMPARE(rulesAsText.err.count(twice + QStringLiteral(": ")), 3);
        QVERIFY2(
            rulesAsText.err.trimmed().split(QLatin1Char('\n')).last().contains(QStringLiteral("warning: ")),
            qPrintable(rulesAsText.err)); // after the errors
        QVERIFY2(rulesAsText.err.contains(QStringLiteral("/resources/1/name")), qPrintable(rulesAsText.err));

        // Each key written twice, not just the first (QA pass 26): a file merged by hand is put right in
        // one go. A key spelt with an escape is the same key (QA pass 28).
        const QString repeated =
            writeFile(dir, QStringLiteral("repeated.authstudio.json"),
                      "{\"format\": \"authstudio-workspace\", \"formatVersion\": 1,\n"
                      " \"resources\": [{\"name\": \"a\", \"baseUrl\": \"x\", \"baseUrl\": \"y\"},\n"
                      "               {\"name\": \"b\", \"name\": \"c\", \"name\": \"d\"},\n"
                      "               {\"name\": \"e\", \"na\\u006de\": \"f\"}]}"); // "name" once more
        const Run repeats = cli({QStringLiteral("validate"), QStringLiteral("--json"), repeated});
        QCOMPARE(repeats.exitCode, 2);
        QStringList places;
        for (const QJsonValue &each : document(repeats).value(QStringLiteral("errors")).toArray()) {
            const QJsonObject one = each.toObject();
            places.append(
                QStringLiteral("%1:%2 %3")
                    .arg(one.value(QStringLiteral("line")).toInt())
                    .arg(one.value(QStringLiteral("column")).toInt())
                    .arg(one.value(QStringLiteral("message")).toString().section(QLatin1Char(';'), 0, 0)));
        }
        QCOMPARE(places,
                 (QStringList {QStringLiteral("2:46 the key \"baseUrl\" appears twice in one object"),
                               QStringLiteral("3:30 the key \"name\" appears twice in one object"),
                               QStringLiteral("3:43 the key \"name\" appears twice in one object"),
                               QStringLiteral("4:30 the key \"name\" appears twice in one object")}));

        const QString exported = writeFile(
            dir, QStringLiteral("r.authstudio-resource.json"),
            R"({"format": "authstudio-resource", "formatVersion": 1, "resource": {"name": "r", "baseUrl": "{{ API }}"}})");
        const Run exportRun = cli({QStringLiteral("validate"), QStringLiteral("--json"), exported});
        QCOMPARE(exportRun.exitCode, 0);
        json = document(exportRun);
        QCOMPARE(json.value(QStringLiteral("kind")).toString(), QStringLiteral("resourceExport"));
        QCOMPARE(json.value(QStringLiteral("resource")).toString(), QStringLiteral("r"));
        QCOMPARE(json.value(QStringLiteral("readsFromWorkspace")).toArray(),
                 QJsonArray {QStringLiteral("API")});

        const Run missing = cli({QStringLiteral("validate"), QStringLiteral("--json"),
                                 dir.filePath(QStringLiteral("none.json"))});
        QCOMPARE(missing.exitCode, 2);
        error = document(missing).value(QStringLiteral("errors")).toArray().first().toObject();
        QVERIFY(error.value(QStringLiteral("message"))
                    .toString()
                    .startsWith(QStringLiteral("can't open the file")));
    }

    // A JSON body's error says where as the studio's editor does, in lines and columns of the body's text
    // (the parser's byte offset was one off from the editor's column, and more after non-ASCII text).
    // A script that doesn't compile stops every run: validate compiles the enabled ones (running none)
    // and says where (QA pass 40: it called such a workspace valid).
    void validateWarnsOfCodeThatDoesntCompile()
    {
        Workspace workspace = TestWorkspaces::demoLoginWorkspace(QStringLiteral("http://127.0.0.1:9"));
        JavaScriptStep broken;
        broken.name = QStringLiteral("js1");
        broken.code = QStringLiteral("const a = 1;\nconst b = 2;\nconst c = (a + ;\nreturn c;");
        JavaScriptStep off = broken;
        off.name = QStringLiteral("js2");
        off.enabled = false; // never run: no warning
        workspace.resources.first().customAuth.authWorkflow.steps.append(broken);
        workspace.resources.first().customAuth.refreshWorkflow.steps.append(off);
        QTemporaryDir dir;
        const QString path =
            writeFile(dir, QStringLiteral("broken.authstudio.json"), WorkspaceWriter::toJson(workspace));
        QVERIFY(!path.isEmpty());
        const Run run = cli({QStringLiteral("validate"), path});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(
            run.err.contains(QStringLiteral("warning: resource \"api\", auth workflow: js1: SyntaxError: ")),
            qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("(line 3): a run stops there")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QStringLiteral("js2")), qPrintable(run.err));
    }

    // Without the JavaScript engine (a CLI copied alone), scripts can't be compiled: validate says so
    // rather than pass them unchecked (QA pass 41).
    void validateSaysWhenItCantCheckScripts()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("bin")));
        const QString copy = dir.filePath(QStringLiteral("bin/authstudio-cli"));
        QVERIFY(QFile::copy(QStringLiteral(AUTHSTUDIO_CLI_PATH), copy));
        QVERIFY(QFile::setPermissions(copy, QFile::permissions(copy) | QFile::ExeOwner));
        Workspace workspace = TestWorkspaces::demoLoginWorkspace(QStringLiteral("http://127.0.0.1:9"));
        JavaScriptStep script;
        script.name = QStringLiteral("js1");
        script.code = QStringLiteral("return (1 + ;");
        workspace.resources.first().customAuth.authWorkflow.steps.append(script);
        const QString path =
            writeFile(dir, QStringLiteral("scripts.authstudio.json"), WorkspaceWriter::toJson(workspace));
        QProcess process;
        process.start(copy, {QStringLiteral("validate"), path});
        QVERIFY(process.waitForFinished(60000));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(process.exitCode(), 0);
        QVERIFY2(err.contains(
                     QStringLiteral("warning: resource \"api\": its scripts were not checked: The JavaScript "
                                    "engine")),
                 qPrintable(err));
    }

    // Addresses no {{ }} can make http ones are warned of, base URLs and request URLs (QA pass 40).
    // A credential written into a header as it is goes wherever the file goes: validate says so, without
    // the value (QA pass 45: a pasted "authorization: Bearer eyJ…" went unsaid). {{ TOKEN }} is fine.
    void validateWarnsOfCredentialsWrittenIntoHeaders()
    {
        Workspace workspace = TestWorkspaces::demoLoginWorkspace(QStringLiteral("http://127.0.0.1:9"));
        Resource &resource = workspace.resources.first();
        const QString jwt = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl");
        resource.headers.append({QStringLiteral("X-Trace"), jwt});
        std::get<ApiRequestStep>(resource.customAuth.authWorkflow.steps[1]).headers = {
            {QStringLiteral("x-api-key"), QStringLiteral("k-123")},
            {QStringLiteral("Accept"), QStringLiteral("*/*")}};
        QTemporaryDir dir;
        const QString path =
            writeFile(dir, QStringLiteral("headers.authstudio.json"), WorkspaceWriter::toJson(workspace));
        QVERIFY(!path.isEmpty());
        const Run run = cli({QStringLiteral("validate"), path});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(
            run.err.contains(QStringLiteral("warning: resource \"api\", header 'X-Trace' looks like a secret "
                                            "(its value looks like a token)")),
            qPrintable(run.err));
        QVERIFY2(run.err.contains(
                     QStringLiteral("warning: step \"http1\" of resource \"api\", header 'x-api-key' "
                                    "looks like a secret (the x-api-key header carries credentials)")),
                 qPrintable(run.err));
        QCOMPARE(run.err.count(QStringLiteral("looks like a secret")),
                 2); // not Authorization: Bearer {{ TOKEN }}
        QVERIFY(!run.err.contains(jwt));
        resource.headers.last().enabled = false;
        const QString off =
            writeFile(dir, QStringLiteral("off.authstudio.json"), WorkspaceWriter::toJson(workspace));
        QVERIFY(cli({QStringLiteral("validate"), off})
                    .err.contains(QStringLiteral("switched-off header 'X-Trace' looks like a secret")));

        // A switched-off step's headers are in the file as much, said as its (QA pass 47); and a key
        // written into a parameter or a form field as into a header.
        auto &request = std::get<ApiRequestStep>(resource.customAuth.authWorkflow.steps[1]);
        request.enabled = false;
        resource.urlParameters = {{QStringLiteral("api_key"), QStringLiteral("k-9f8e7d6c5b4a3")},
                                  {QStringLiteral("page"), QStringLiteral("2")}};
        request.body.kind = RequestBody::Kind::FormUrlEncoded;
        request.body.fields = {{QStringLiteral("password"), QStringLiteral("hunter22")},
                               {QStringLiteral("email"), QStringLiteral("{{ form1.email }}")}};
        const QString stepOff =
            writeFile(dir, QStringLiteral("step-off.authstudio.json"), WorkspaceWriter::toJson(workspace));
        const Run offRun = cli({QStringLiteral("validate"), stepOff});
        QVERIFY2(
            offRun.err.contains(QStringLiteral("warning: switched-off step \"http1\" of resource \"api\", "
                                               "header 'x-api-key' looks like a secret")),
            qPrintable(offRun.err));
        QVERIFY2(
            offRun.err.contains(QStringLiteral("warning: resource \"api\", parameter 'api_key' looks like "
                                               "a secret (its name says it holds a secret)")),
            qPrintable(offRun.err));
        QVERIFY2(
            offRun.err.contains(QStringLiteral("warning: switched-off step \"http1\" of resource \"api\", "
                                               "form field 'password' looks like a secret")),
            qPrintable(offRun.err));
        QCOMPARE(offRun.err.count(QStringLiteral("looks like a secret")), 4); // not page, not email
        QVERIFY(!offRun.err.contains(QStringLiteral("9f8e7d6c5b4a3")));
        QVERIFY(!offRun.err.contains(QStringLiteral("hunter22")));
        request.enabled = true;

        // Two rows of one name are told apart by their row; a key typed beside {{ }} is said too.
        resource.headers = {
            {QStringLiteral("Cookie"), QStringLiteral("sid=9f8e7d6c5b4a")},
            {QStringLiteral("Accept"), QStringLiteral("*/*")},
            {QStringLiteral("cookie"), QStringLiteral("theme=dark; csrf={{ TOKEN }}x7Kd93hQ2m")}};
        const QString twice =
            writeFile(dir, QStringLiteral("twice.authstudio.json"), WorkspaceWriter::toJson(workspace));
        const Run rows = cli({QStringLiteral("validate"), twice});
        QVERIFY2(
            rows.err.contains(QStringLiteral("resource \"api\", header 'Cookie' (row 1) looks like a secret "
                                             "(the Cookie header carries credentials)")),
            qPrintable(rows.err));
        QVERIFY2(
            rows.err.contains(QStringLiteral("resource \"api\", header 'cookie' (row 3) looks like a secret "
                                             "(a credential is written beside its {{ expression }})")),
            qPrintable(rows.err));
        QVERIFY(!rows.err.contains(QStringLiteral("9f8e7d6c5b4a")));

        // With custom auth switched off the steps are still saved, and their credentials still said (QA
        // pass 48); a body default as a parameter.
        resource.headers.clear();
        resource.authMethod = Resource::AuthMethod::None;
        resource.bodyDefaults = {{QStringLiteral("client_secret"), QStringLiteral("cs-77aa88bb99")}};
        const QString none =
            writeFile(dir, QStringLiteral("none.authstudio.json"), WorkspaceWriter::toJson(workspace));
        const Run noAuth = cli({QStringLiteral("validate"), none});
        QVERIFY2(
            noAuth.err.contains(QStringLiteral("warning: step \"http1\" of resource \"api\" (custom auth "
                                               "is off), header 'x-api-key' looks like a secret")),
            qPrintable(noAuth.err));
        QVERIFY2(noAuth.err.contains(QStringLiteral(
                     "warning: resource \"api\", body default 'client_secret' looks like a secret")),
                 qPrintable(noAuth.err));
        QVERIFY(!noAuth.err.contains(QStringLiteral("77aa88bb99")));
    }

    void validateWarnsOfAddressesThatArentHttp()
    {
        Workspace workspace = TestWorkspaces::demoLoginWorkspace(QStringLiteral("http://127.0.0.1:9"));
        Resource &resource = workspace.resources.first();
        resource.baseUrl = QStringLiteral("javascript:alert(1)");
        std::get<ApiRequestStep>(resource.customAuth.authWorkflow.steps[1]).url =
            QStringLiteral("ftp://example.com/post");
        QTemporaryDir dir;
        const QString path =
            writeFile(dir, QStringLiteral("urls.authstudio.json"), WorkspaceWriter::toJson(workspace));
        QVERIFY(!path.isEmpty());
        const Run run = cli({QStringLiteral("validate"), path});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(
                     QStringLiteral("warning: resource \"api\", base URL 'javascript:alert(1)': not an "
                                    "http:// or https:// address")),
                 qPrintable(run.err));
        QVERIFY2(
            run.err.contains(QStringLiteral("warning: step \"http1\" of resource \"api\", URL "
                                            "'ftp://example.com/post': not an http:// or https:// address")),
            qPrintable(run.err));
        // A kind the studio doesn't run yet is said, with what runs instead (QA pass 40).
        resource.kind = Resource::Kind::GraphQL;
        const QString kinds =
            writeFile(dir, QStringLiteral("kinds.authstudio.json"), WorkspaceWriter::toJson(workspace));
        const Run kind = cli({QStringLiteral("validate"), kinds});
        QVERIFY2(kind.err.contains(
                     QStringLiteral("warning: resource \"api\": its kind, graphql, isn't supported yet: "
                                    "its login and queries run as a REST API's")),
                 qPrintable(kind.err));
        // The refresh's {{ DEMO_API }}/refresh is the variable's to decide: no word.
        QVERIFY2(!run.err.contains(QStringLiteral("/refresh")), qPrintable(run.err));
    }

    void validateJsonBodySaysLineAndColumn()
    {
        const QString path =
            QStringLiteral(AUTHSTUDIO_SOURCE_DIR "/tests/data/format/invalid-json-body.json");
        const Run run = cli({QStringLiteral("validate"), path});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith(path +
                                    QStringLiteral(": /resources/0/auth/authWorkflow/1/body/text: the JSON "
                                                   "body is not valid JSON (")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(
                     QStringLiteral(" at line 1, column 12); put {{ expressions }} inside JSON strings")),
                 qPrintable(run.err));
        QVERIFY2(!run.err.contains(QStringLiteral("offset")), qPrintable(run.err));
    }

    // --body's mistake is placed as everywhere else, by line and column.
    void queryBodyErrorSaysLineAndColumn()
    {
        const Run run =
            cli({QStringLiteral("query"), Demo, QStringLiteral("--resource"), QStringLiteral("Demo login"),
                 QStringLiteral("--with-demo-server"), QStringLiteral("--session-store"),
                 QStringLiteral("memory"), QStringLiteral("--path"), QStringLiteral("/post"),
                 QStringLiteral("--method"), QStringLiteral("POST"), QStringLiteral("--body"),
                 QStringLiteral("{\"a\": 1,\n\"b\" 2}")});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.err.trimmed(),
                 QStringLiteral("--body: not valid JSON: missing name separator at line 2, column 5"));
        // A key twice would send one value and drop the other.
        const QStringList common {QStringLiteral("query"),           Demo,
                                  QStringLiteral("--resource"),      QStringLiteral("Demo login"),
                                  QStringLiteral("--session-store"), QStringLiteral("memory"),
                                  QStringLiteral("--path"),          QStringLiteral("/post"),
                                  QStringLiteral("--method"),        QStringLiteral("POST"),
                                  QStringLiteral("--body")};
        const Run twice = cli(common + QStringList {QStringLiteral("{\"a\": 1, \"a\": 2}")});
        QCOMPARE(twice.exitCode, 2);
        QCOMPARE(twice.err.trimmed(),
                 QStringLiteral("--body: not valid JSON: the key \"a\" appears twice at line 1, column 10"));
    }

    // A body that is one value other than an object or an array is JSON too, and goes out as written (some
    // APIs take a bare string); it was refused.
    void queryBodyMayBeALoneValue()
    {
        const QStringList common {QStringLiteral("query"),
                                  Demo,
                                  QStringLiteral("--resource"),
                                  QStringLiteral("Seed walkthrough"),
                                  QStringLiteral("--with-demo-server"),
                                  QStringLiteral("--session-store"),
                                  QStringLiteral("memory"),
                                  QStringLiteral("--input"),
                                  QStringLiteral("form1.email=") + DemoServer::demoEmail(),
                                  QStringLiteral("--input"),
                                  QStringLiteral("form1.password=") + DemoServer::demoPassword(),
                                  QStringLiteral("--path"),
                                  QStringLiteral("/post"),
                                  QStringLiteral("--method"),
                                  QStringLiteral("POST"),
                                  QStringLiteral("--json"),
                                  QStringLiteral("--body")};
        const QList<std::pair<QString, QJsonValue>> bodies {
            {QStringLiteral("42"), QJsonValue(42)},
            {QStringLiteral(" \"text\" "), QJsonValue(QStringLiteral("text"))},
            {QStringLiteral("true"), QJsonValue(true)},
            {QStringLiteral("null"), QJsonValue(QJsonValue::Null)}};
        for (const auto &[body, sent] : bodies) {
            const Run run = cli(common + QStringList {body});
            QVERIFY2(run.exitCode == 0, qPrintable(body + QLatin1Char(' ') + run.err));
            const QJsonObject echoed = QJsonDocument::fromJson(run.out.toUtf8())
                                           .object()
                                           .value(QStringLiteral("queries"))
                                           .toArray()
                                           .first()
                                           .toObject()
                                           .value(QStringLiteral("body"))
                                           .toObject();
            QVERIFY2(echoed.contains(QStringLiteral("json")), qPrintable(run.out));
            QCOMPARE(echoed.value(QStringLiteral("json")), sent);
        }
        // Two values are not JSON.
        const Run two = cli(common + QStringList {QStringLiteral("1, 2")});
        QCOMPARE(two.exitCode, 2);
        QVERIFY2(two.err.startsWith(QStringLiteral("--body: not valid JSON: ")), qPrintable(two.err));
    }

    // An unknown option is named as typed, dashes and all, with where the options are listed (QA pass 47:
    // "Unknown option 'path'").
    void anUnknownOptionIsNamedAsTyped()
    {
        const Run one =
            cli({QStringLiteral("query"), Demo, QStringLiteral("api"), QStringLiteral("--pth=/me")});
        QCOMPARE(one.exitCode, 2);
        QVERIFY2(one.err.startsWith(QStringLiteral(
                     "Unknown option '--pth'. 'authstudio-cli query --help' lists the options.")),
                 qPrintable(one.err));
        const Run two =
            cli({QStringLiteral("validate"), QStringLiteral("-q"), QStringLiteral("--strict"), Demo});
        QCOMPARE(two.exitCode, 2);
        QVERIFY2(two.err.startsWith(QStringLiteral("Unknown options: '-q', '--strict'.")),
                 qPrintable(two.err));
    }

    void validateMissingFile()
    {
        const Run run = cli({QStringLiteral("validate"), QStringLiteral("/nonexistent/x.json")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith(QStringLiteral("/nonexistent/x.json: can't open the file")),
                 qPrintable(run.err));
    }

    // A wrong path that names a device that never ends fails at once (QA pass 47: it read until the
    // memory ran out), for every command that reads a workspace.
    void aFileThatNeverEndsIsRefused()
    {
        for (const QStringList &arguments :
             {QStringList {QStringLiteral("validate"), QStringLiteral("/dev/zero")},
              QStringList {QStringLiteral("auth"), QStringLiteral("/dev/zero"), QStringLiteral("--resource"),
                           QStringLiteral("x")}}) {
            const Run run = cli(arguments);
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.startsWith(QStringLiteral("/dev/zero: the file is larger than 64 MiB")),
                     qPrintable(run.err));
        }
    }

    void authSeedWalkthroughMasksSecrets()
    {
        const Run run = cli(seedArguments());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("ok   http1")));
        QVERIFY(run.out.contains(QStringLiteral("\"PASSWORD\": \"********\"")));
        QVERIFY(run.out.contains(QStringLiteral("\"json\": {")));
        QVERIFY(run.out.contains(QStringLiteral("ada@example.com")));
        // The echo server sends the password back; it is masked there too, and nowhere printed.
        QVERIFY(!run.out.contains(QStringLiteral("correct horse battery")));
        QVERIFY(!run.err.contains(QStringLiteral("correct horse battery")));
    }

    void authMasksEscapedEchoes()
    {
        // The echo server sends the JSON body back as text, where the quote and the backslash are escaped
        // (my\"pass\\word): that form of the password is masked too.
        const QString password = QStringLiteral("my\"pass\\word");
        const Run run = cli(seedArguments(password) << QStringLiteral("--json"));
        QCOMPARE(run.exitCode, 0);
        const QJsonObject scope =
            QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("scope")).toObject();
        const QString data = scope.value(QStringLiteral("http1"))
                                 .toObject()
                                 .value(QStringLiteral("body"))
                                 .toObject()
                                 .value(QStringLiteral("data"))
                                 .toString();
        QVERIFY2(data.contains(QStringLiteral("\"password\":\"********\"")), qPrintable(data));
        // Printed as JSON, the password is escaped once, and the echoed text twice.
        for (const QString &form :
             {password, QStringLiteral("my\\\"pass\\\\word"), QStringLiteral("my\\\\\\\"pass\\\\\\\\word")}) {
            QVERIFY2(!run.out.contains(form), qPrintable(form));
            QVERIFY2(!run.err.contains(form), qPrintable(form));
        }
    }

    void authShowSecretsOnRequest()
    {
        const Run run = cli(seedArguments() << QStringLiteral("--show-secrets"));
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("\"PASSWORD\": \"correct horse battery\"")));
    }

    void authJson()
    {
        const Run run = cli(seedArguments() << QStringLiteral("--json"));
        QCOMPARE(run.exitCode, 0);
        QJsonParseError error;
        const QJsonObject document = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(document.value(QStringLiteral("outcome")).toString(), QStringLiteral("succeeded"));
        const QJsonArray steps = document.value(QStringLiteral("steps")).toArray();
        QCOMPARE(steps.size(), 4);
        QCOMPARE(steps.at(1).toObject().value(QStringLiteral("httpStatus")).toInt(), 200);
        QVERIFY(steps.at(1).toObject().value(QStringLiteral("elapsedMs")).toDouble() > 0);
        const QJsonObject scope = document.value(QStringLiteral("scope")).toObject();
        QCOMPARE(scope.value(QStringLiteral("PASSWORD")).toString(), QStringLiteral("********"));
        QCOMPARE(scope.value(QStringLiteral("form1")).toObject().value(QStringLiteral("password")).toString(),
                 QStringLiteral("********"));
        QVERIFY(!run.out.contains(QStringLiteral("correct horse battery")));
    }

    // A script's console lines print under its step, masked (the password it logged is ********), and in
    // --json as the step's "console"; a script that throws still shows what it logged first.
    // What a script (or a server, through it) writes can't drive the terminal: escape sequences, a bare
    // CR and NUL print as ^X (QA pass 24: a logged reply could recolour or overwrite lines). --json keeps
    // the text exact, as JSON escapes it.
    void terminalControlCharactersAreShownNotSent()
    {
        QTemporaryDir dir;
        Workspace workspace = TestWorkspaces::demoLoginWorkspace(QStringLiteral("http://127.0.0.1:1"));
        JavaScriptStep js;
        js.code = QStringLiteral("console.log('\\x1b[31mred\\x1b[0m', 'a\\rb', 'nul\\0x', 'tab\\there', "
                                 "'\\u009bcsi', 'del\\x7f', '\\u202erev');\n"
                                 "console.log('one\\n  ok   TOKEN'); return 1;");
        workspace.resources[0].customAuth.authWorkflow.steps = {js};
        const QString path =
            writeFile(dir, QStringLiteral("controls.authstudio.json"), WorkspaceWriter::toJson(workspace));
        const QStringList arguments {QStringLiteral("auth"), path, QStringLiteral("--resource"),
                                     workspace.resources[0].name};
        const Run run = cli(arguments);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("js1: console.log: ^[[31mred^[[0m a^Mb nul^@x tab\there "
                                                 "\\u009bcsi del^? \\u202erev")),
                 qPrintable(run.out));
        // A line break in a logged text is set in under it: it can't pass for a step's row (QA pass 26).
        QVERIFY2(run.out.contains(QStringLiteral("    js1: console.log: one\n          ok   TOKEN\n")),
                 qPrintable(run.out));
        for (const QChar c : run.out)
            QVERIFY2(c >= QChar(0x20) ? !(c.unicode() >= 0x7f && c.unicode() <= 0x9f)
                                      : (c == u'\n' || c == u'\t'),
                     qPrintable(QString::number(c.unicode(), 16)));
        const Run json = cli(arguments + QStringList {QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray console = QJsonDocument::fromJson(json.out.toUtf8())
                                       .object()
                                       .value(QStringLiteral("steps"))
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value(QStringLiteral("console"))
                                       .toArray();
        QVERIFY(console.at(0)
                    .toObject()
                    .value(QStringLiteral("text"))
                    .toString()
                    .startsWith(QStringLiteral("\x1b[31mred\x1b[0m a\rb")));
    }

    // A lifetime that gives no number leaves time-based refresh off: query says so without --events.
    void queryWarnsOfALifetimeThatIsNoNumber()
    {
        QTemporaryDir dir;
        Workspace workspace = TestWorkspaces::demoLoginWorkspace(QStringLiteral("http://127.0.0.1:1"));
        workspace.resources[0].customAuth.refreshTrigger = CustomAuth::RefreshTrigger::TimeBased;
        workspace.resources[0].customAuth.expiresIn = QStringLiteral("{{ 'soon' }}");
        const QString path =
            writeFile(dir, QStringLiteral("lifetime.authstudio.json"), WorkspaceWriter::toJson(workspace));
        const Run run = cli(QStringList {QStringLiteral("query"), path, QStringLiteral("--resource"),
                                         workspace.resources[0].name, QStringLiteral("--with-demo-server"),
                                         QStringLiteral("--session-store"), QStringLiteral("memory"),
                                         QStringLiteral("--path"), QStringLiteral("/me")} +
                            loginInputs());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("warning: ")) &&
                     run.err.contains(QStringLiteral("time-based refresh")),
                 qPrintable(run.err));
    }

    // QA pass 39's newcomer flow: a script builds "Bearer <token>" from the login reply, and only that is
    // a secret. The token alone, in the reply and in the script's console, is masked all the same.
    void aTokenMadeSecretByAScriptIsMaskedAlone()
    {
        QTemporaryDir dir;
        Workspace workspace = TestWorkspaces::demoLoginWorkspace(QStringLiteral("http://127.0.0.1:1"));
        CustomAuth &auth = workspace.resources[0].customAuth;
        JavaScriptStep js;
        js.name = QStringLiteral("js1");
        js.code = QStringLiteral("const tok = http1.body.token;\nconsole.log('token', tok);\n"
                                 "return { header: 'Bearer ' + tok };");
        DefineVariableStep header;
        header.name = QStringLiteral("AUTH_HEADER");
        header.value = QStringLiteral("{{ js1.header }}");
        header.secret = true;
        auth.authWorkflow.steps = {auth.authWorkflow.steps.at(0), auth.authWorkflow.steps.at(1), js, header};
        auth.refreshWorkflow.steps.clear();
        workspace.resources[0].headers = {
            {QStringLiteral("Authorization"), QStringLiteral("{{ AUTH_HEADER }}")}};
        const QString path =
            writeFile(dir, QStringLiteral("scripted.authstudio.json"), WorkspaceWriter::toJson(workspace));
        QVERIFY(!path.isEmpty());
        const Run run = cli(QStringList {QStringLiteral("auth"), path, QStringLiteral("--with-demo-server"),
                                         QStringLiteral("--json")} +
                            loginInputs());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject document = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const QJsonObject body = document.value(QStringLiteral("scope"))
                                     .toObject()
                                     .value(QStringLiteral("http1"))
                                     .toObject()
                                     .value(QStringLiteral("body"))
                                     .toObject();
        QCOMPARE(body.value(QStringLiteral("token")).toString(), QStringLiteral("********"));
        const QJsonArray console = document.value(QStringLiteral("steps"))
                                       .toArray()
                                       .at(2)
                                       .toObject()
                                       .value(QStringLiteral("console"))
                                       .toArray();
        QCOMPARE(console.at(0).toObject().value(QStringLiteral("text")).toString(),
                 QStringLiteral("token ********"));
    }

    void authPrintsTheConsoleOfScriptsMasked()
    {
        QTemporaryDir dir;
        const QString path = writeLoggingWorkspace(dir);
        QVERIFY(!path.isEmpty());
        const QStringList arguments =
            QStringList {QStringLiteral("auth"), path, QStringLiteral("--resource"), QStringLiteral("api"),
                         QStringLiteral("--with-demo-server")} +
            loginInputs();
        const Run run = cli(arguments);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        // Right under the step that wrote them, before the next step's line.
        const QStringList lines = run.out.split(QLatin1Char('\n'));
        const qsizetype step = lines.indexOf(QRegularExpression(QStringLiteral("^  ok   js1 .*")));
        QVERIFY2(step >= 0, qPrintable(run.out));
        QCOMPARE(lines.value(step + 1),
                 QStringLiteral("    js1: console.log: logged in as %1 with ********")
                     .arg(DemoServer::demoEmail()));
        QCOMPARE(lines.value(step + 2), QStringLiteral("    js1: console.warn: token {\"length\":true}"));
        QVERIFY2(lines.value(step + 3).startsWith(QStringLiteral("  ok   TOKEN")), qPrintable(run.out));
        QVERIFY(!(run.out + run.err).contains(DemoServer::demoPassword()));

        const Run json = cli(arguments + QStringList {QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray steps =
            QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("steps")).toArray();
        QCOMPARE(steps.at(2).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("js1"));
        const QJsonArray console = steps.at(2).toObject().value(QStringLiteral("console")).toArray();
        QCOMPARE(console.size(), 2);
        QCOMPARE(
            console.at(0).toObject(),
            (QJsonObject {{QStringLiteral("level"), QStringLiteral("log")},
                          {QStringLiteral("text"),
                           QStringLiteral("logged in as %1 with ********").arg(DemoServer::demoEmail())}}));
        QCOMPARE(console.at(1).toObject().value(QStringLiteral("level")).toString(), QStringLiteral("warn"));
        QVERIFY(!steps.at(1).toObject().contains(QStringLiteral("console"))); // scripts only
        QVERIFY(!json.out.contains(DemoServer::demoPassword()));

        const Run thrown = cli({QStringLiteral("auth"), path, QStringLiteral("--resource"),
                                QStringLiteral("throwing"), QStringLiteral("--with-demo-server")});
        QCOMPARE(thrown.exitCode, 1);
        QVERIFY2(thrown.out.contains(QStringLiteral("FAIL js1")), qPrintable(thrown.out));
        QVERIFY2(thrown.out.contains(QStringLiteral("    js1: console.error: about to throw\n")),
                 qPrintable(thrown.out));
        QVERIFY2(thrown.err.contains(QStringLiteral("js1: Error: no token (line 2)")),
                 qPrintable(thrown.err));
    }

    // query: what the login's scripts logged goes to stderr as the login ends (stdout keeps the replies);
    // with --events it goes under the login in the event log, and in --json into the event's "console".
    void queryPrintsTheConsoleOfTheLoginsScripts()
    {
        QTemporaryDir dir;
        const QString path = writeLoggingWorkspace(dir);
        QVERIFY(!path.isEmpty());
        const QStringList arguments = QStringList {QStringLiteral("query"),
                                                   path,
                                                   QStringLiteral("--resource"),
                                                   QStringLiteral("api"),
                                                   QStringLiteral("--with-demo-server"),
                                                   QStringLiteral("--session-store"),
                                                   QStringLiteral("memory"),
                                                   QStringLiteral("--path"),
                                                   QStringLiteral("/me")} +
            loginInputs();
        const QString logged =
            QStringLiteral("js1: console.log: logged in as %1 with ********").arg(DemoServer::demoEmail());
        const Run run = cli(arguments);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.err.contains(logged + QLatin1Char('\n')), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("js1: console.warn: token {\"length\":true}")),
                 qPrintable(run.err));
        QVERIFY(!run.out.contains(QStringLiteral("console.")));
        QVERIFY(!(run.out + run.err).contains(DemoServer::demoPassword()));

        const Run events = cli(arguments + QStringList {QStringLiteral("--events")});
        QCOMPARE(events.exitCode, 0);
        QVERIFY2(events.out.contains(QRegularExpression(
                     QStringLiteral("login \\(noSession\\): ok in \\d+ ms[^\n]*\n"
                                    "    http1: POST [^\n]*/login -> HTTP 200 [^\n]*\n    ") +
                     QRegularExpression::escape(logged))),
                 qPrintable(events.out));
        QVERIFY2(!events.err.contains(QStringLiteral("console.")), qPrintable(events.err)); // not twice

        const Run json = cli(arguments + QStringList {QStringLiteral("--events"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject login = QJsonDocument::fromJson(json.out.toUtf8())
                                      .object()
                                      .value(QStringLiteral("events"))
                                      .toArray()
                                      .at(0)
                                      .toObject();
        QCOMPARE(login.value(QStringLiteral("kind")).toString(), QStringLiteral("login"));
        const QJsonArray console = login.value(QStringLiteral("console")).toArray();
        QCOMPARE(console.size(), 2);
        QCOMPARE(
            console.at(0).toObject(),
            (QJsonObject {{QStringLiteral("step"), QStringLiteral("js1")},
                          {QStringLiteral("level"), QStringLiteral("log")},
                          {QStringLiteral("text"),
                           QStringLiteral("logged in as %1 with ********").arg(DemoServer::demoEmail())}}));
        QVERIFY(!json.out.contains(DemoServer::demoPassword()));
    }

    void authFailureExitsOneWithNotification()
    {
        const Run run = cli({QStringLiteral("auth"), Demo, QStringLiteral("--resource"),
                             QStringLiteral("Demo login"), QStringLiteral("--with-demo-server"),
                             QStringLiteral("--input"), QStringLiteral("form1.email=nobody@example.com"),
                             QStringLiteral("--input"), QStringLiteral("form1.password=wrong-password")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(
                     QStringLiteral(R"(Failed at http1 (status): {"error":"Invalid username or password"})")),
                 qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("FAIL http1")));
        QVERIFY(!(run.out + run.err).contains(QStringLiteral("wrong-password")));
    }

    // A resource without a base URL is said to lack one, before any login is spent (the path alone was
    // "'/me' is not a valid URL"), and "not sent" is said once.
    void queryOnAResourceWithoutBaseUrlSaysSo()
    {
        QTemporaryDir dir;
        const QString file = writeFile(
            dir, QStringLiteral("nobase.authstudio-resource.json"),
            R"({"format": "authstudio-resource", "formatVersion": 1, "resource": {"name": "r", "baseUrl": "",
                "auth": {"method": "custom", "authWorkflow": [{"type": "defineVariable", "name": "TOKEN",
                "value": "x"}]}}})");
        QVERIFY(!file.isEmpty());
        const Run run = cli({QStringLiteral("query"), file, QStringLiteral("--session-store"),
                             QStringLiteral("memory"), QStringLiteral("--path"), QStringLiteral("/me")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QStringLiteral("): resource \"r\" has no base URL; set one")),
                 qPrintable(run.out));
        QVERIFY2(!run.out.contains(QStringLiteral("Not sent: ")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("logins 0")), qPrintable(run.out));
    }

    // A query whose login fails was never sent: it says so, not "---" or "no reply". And an --input
    // without a field says what it should look like.
    void queryWithAFailedLoginSaysNotSent()
    {
        const Run run = cli({QStringLiteral("query"), Demo, QStringLiteral("--resource"),
                             QStringLiteral("Demo login"), QStringLiteral("--with-demo-server"),
                             QStringLiteral("--session-store"), QStringLiteral("memory"),
                             QStringLiteral("--input"), QStringLiteral("form1.email=nobody@example.com"),
                             QStringLiteral("--input"), QStringLiteral("form1.password=wrong-password"),
                             QStringLiteral("--path"), QStringLiteral("/me")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QStringLiteral("not sent (")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("not sent x1")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("failed logins or refreshes 1")), qPrintable(run.out));
        QVERIFY2(!run.out.contains(QStringLiteral("---")), qPrintable(run.out));
        QVERIFY(!(run.out + run.err).contains(QStringLiteral("wrong-password")));

        const Run bad =
            cli({QStringLiteral("auth"), Demo, QStringLiteral("--resource"), QStringLiteral("Demo login"),
                 QStringLiteral("--input"), QStringLiteral("form1=x")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("--input form1: expected STEP.FIELD=VALUE")),
                 qPrintable(bad.err));
    }

    // A failed query's body is printed once, whole, under its line (QA pass 44: on the line, then again).
    void aFailedQuerysBodyIsPrintedOnce()
    {
        const Run run = cli({QStringLiteral("query"), Demo, QStringLiteral("--resource"),
                             QStringLiteral("Seed walkthrough"), QStringLiteral("--with-demo-server"),
                             QStringLiteral("--session-store"), QStringLiteral("memory"),
                             QStringLiteral("--input"), QStringLiteral("form1.email=a@example.com"),
                             QStringLiteral("--input"), QStringLiteral("form1.password=pw"),
                             QStringLiteral("--path"), QStringLiteral("/status/500")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(
                     QRegularExpression(QStringLiteral("^500 GET http://\\S+/status/500 \\([0-9.]+ ms\\)$"),
                                        QRegularExpression::MultilineOption)),
                 qPrintable(run.out));
        QCOMPARE(run.out.count(QStringLiteral("Internal Server Error")), 1);
    }

    // query takes --script-timeout as auth does (its login runs the same scripts; it was refused), and no
    // command lists --help-all, which none took (QA pass 40).
    void queryTakesTheScriptTimeout()
    {
        DemoServer server;
        QVERIFY(server.listen());
        Workspace workspace = TestWorkspaces::demoLoginWorkspace(server.baseUrl().toString());
        JavaScriptStep loop;
        loop.name = QStringLiteral("js1");
        loop.code = QStringLiteral("for (;;) {}");
        workspace.resources.first().customAuth.authWorkflow.steps.insert(1, loop);
        QTemporaryDir dir;
        const QString path =
            writeFile(dir, QStringLiteral("loop.authstudio.json"), WorkspaceWriter::toJson(workspace));
        QVERIFY(!path.isEmpty());
        const Run run =
            cli({QStringLiteral("query"), path, QStringLiteral("--session-store"), QStringLiteral("memory"),
                 QStringLiteral("--input"), QStringLiteral("form1.email=a@example.com"),
                 QStringLiteral("--input"), QStringLiteral("form1.password=pw"), QStringLiteral("--path"),
                 QStringLiteral("/me"), QStringLiteral("--script-timeout"), QStringLiteral("300")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QStringLiteral("js1: the script was stopped after running for 0.3 s")),
                 qPrintable(run.out));

        for (const char *command : {"validate", "auth", "query", "logout", "demo-server"}) {
            const Run help = cli({QString::fromLatin1(command), QStringLiteral("--help")});
            QVERIFY2(!help.out.contains(QStringLiteral("--help-all")), command);
            QVERIFY2(help.out.contains(QStringLiteral("-h, --help")), command);
        }
    }

    void authInputsFromEnvironment()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("AUTHSTUDIO_INPUT_FORM1_EMAIL"), DemoServer::demoEmail());
        environment.insert(QStringLiteral("AUTHSTUDIO_INPUT_FORM1_PASSWORD"), DemoServer::demoPassword());
        const Run run =
            cli({QStringLiteral("auth"), Demo, QStringLiteral("--resource"), QStringLiteral("Demo login"),
                 QStringLiteral("--with-demo-server"), QStringLiteral("--json")},
                environment);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject scope =
            QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("scope")).toObject();
        QCOMPARE(scope.value(QStringLiteral("TOKEN")).toString(), QStringLiteral("********"));
        QCOMPARE(scope.value(QStringLiteral("EXPIRES_IN")).toInt(), 3600);
    }

    void authMissingInputWithoutTerminal()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("AUTHSTUDIO_INPUT_FORM1_PASSWORD"));
        const Run run = cli({QStringLiteral("auth"), Demo, QStringLiteral("--resource"),
                             QStringLiteral("Demo login"), QStringLiteral("--with-demo-server"),
                             QStringLiteral("--input"), QStringLiteral("form1.email=a@b.c")},
                            environment);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(
                     QStringLiteral("no value for form1.password: pass --input form1.password=VALUE or set "
                                    "AUTHSTUDIO_INPUT_FORM1_PASSWORD")),
                 qPrintable(run.err));
        // The failure names the field, not just the form ("Failed at form1 (fields)" before QA pass 32).
        QVERIFY2(run.err.contains(QStringLiteral("Failed at form1 (field 'password'): ")),
                 qPrintable(run.err));
    }

    void authUnknownResource()
    {
        const Run run =
            cli({QStringLiteral("auth"), Demo, QStringLiteral("--resource"), QStringLiteral("Nope")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral(
                     "no resource named \"Nope\" (the workspace has: \"Seed walkthrough\", \"Demo login\")")),
                 qPrintable(run.err));
        QVERIFY2(!run.err.contains(QStringLiteral("did you mean")), qPrintable(run.err));
        // Typed in another case: the resource meant is named (names are matched exactly).
        const Run cased =
            cli({QStringLiteral("auth"), Demo, QStringLiteral("--resource"), QStringLiteral("demo LOGIN")});
        QCOMPARE(cased.exitCode, 2);
        QVERIFY2(
            cased.err.trimmed().endsWith(QStringLiteral("\"Demo login\"); did you mean \"Demo login\"?")),
            qPrintable(cased.err));
    }

    // An input no form asks for is a typo: refused with what the forms do ask for, its value not echoed.
    void authRefusesInputsNoFormAsksFor_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("misspelt field") << QStringLiteral("form1.emial=hidden-value")
                                        << QStringLiteral("--input form1.emial: form1 has no field 'emial' "
                                                          "(its fields: email, password)");
        QTest::newRow("unknown step")
            << QStringLiteral("bogus.x=hidden-value")
            << QStringLiteral("--input bogus.x: resource \"Seed walkthrough\" has no "
                              "Form step named 'bogus' (its forms: form1)");
    }
    void authRefusesInputsNoFormAsksFor()
    {
        QFETCH(QString, input);
        QFETCH(QString, message);
        QStringList arguments = seedArguments();
        arguments << QStringLiteral("--input") << input;
        expectRefusedBeforeRunning(arguments, message);
    }

    // A --header, --param, --input or --var that doesn't parse is refused without echoing what was typed:
    // a header given without its name is most likely a token, an input without its '=' a password. A
    // method that isn't one word is refused before anything is sent.
    void refusesMalformedHeadersAndParametersWithoutEchoing_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("header") << QStringLiteral("--header") << QStringLiteral("Bearer hidden-value")
                                << QStringLiteral("--header: expected K:V, with a name before the ':'");
        QTest::newRow("param") << QStringLiteral("--param") << QStringLiteral("=hidden-value")
                               << QStringLiteral("--param: expected K=V, with a name before the '='");
        // A header name that can't be sent is a usage error before anything runs (QA pass 50: exit 1 after
        // the login; a Content-Length set by hand hung until the timeout).
        QTest::newRow("header name with a space")
            << QStringLiteral("--header") << QStringLiteral("X A: hidden-value")
            << QStringLiteral("--header 'X A': the header name contains a space");
        QTest::newRow("Content-Length header")
            << QStringLiteral("--header") << QStringLiteral("content-length: hidden-value")
            << QStringLiteral("--header 'content-length': content-length is worked out from the body");
        // A ':' typed for the '=': the key and the password can't be told apart (QA pass 50).
        QTest::newRow("input") << QStringLiteral("--input") << QStringLiteral("form1.password:hidden-value")
                               << QStringLiteral("--input: expected KEY=VALUE, with '=' between the key and "
                                                 "the value (what was given isn't echoed");
        QTest::newRow("input twice") << QStringLiteral("--input")
                                     << QStringLiteral("form1.email=hidden-value")
                                     << QStringLiteral("--input form1.email: given twice");
        QTest::newRow("var") << QStringLiteral("--var") << QStringLiteral("DEMO_API hidden-value")
                             << QStringLiteral("--var: expected KEY=VALUE, with '=' between");
        // The request line carries the method as written: a line break would add headers of its own.
        QTest::newRow("method with CR/LF")
            << QStringLiteral("--method") << QStringLiteral("GET /x HTTP/1.1\r\nX-Evil: hidden-value")
            << QStringLiteral("--method: the method contains a line break (CR/LF) or NUL, which could inject "
                              "headers");
        QTest::newRow("method with a space")
            << QStringLiteral("--method") << QStringLiteral("GET hidden-value")
            << QStringLiteral("--method: the method contains a space, which methods can't hold");
        QTest::newRow("empty method")
            << QStringLiteral("--method") << QString() << QStringLiteral("--method: the method is empty");
    }
    void refusesMalformedHeadersAndParametersWithoutEchoing()
    {
        QFETCH(QString, option);
        QFETCH(QString, value);
        QFETCH(QString, message);
        QStringList arguments = seedArguments();
        arguments.first() = QStringLiteral("query");
        arguments << QStringLiteral("--session-store") << QStringLiteral("memory") << option << value;
        expectRefusedBeforeRunning(arguments, message);
    }

    // A --var whose name the workspace doesn't define, nor the resource read, is a typo: refused with the
    // workspace's variables and the name it most likely meant, its value not echoed.
    void refusesVariablesNothingReads_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("message");
        QTest::newRow("auth, mistyped")
            << QStringLiteral("auth") << QStringLiteral("DEMO_APi")
            << QStringLiteral("--var DEMO_APi: the workspace has no variable 'DEMO_APi' "
                              "and resource \"Seed walkthrough\" doesn't read it; did "
                              "you mean DEMO_API? (the workspace's variables: DEMO_API)");
        QTest::newRow("query, unrelated")
            << QStringLiteral("query") << QStringLiteral("COLOUR")
            << QStringLiteral("--var COLOUR: the workspace has no variable 'COLOUR' and resource \"Seed "
                              "walkthrough\" doesn't read it (the workspace's variables: DEMO_API)");
        // Its header reads PASSWORD, which a step of it sets: that is why --var can't (QA pass 22: it said
        // nothing reads it).
        QTest::newRow("auth, a step's name")
            << QStringLiteral("auth") << QStringLiteral("PASSWORD")
            << QStringLiteral("--var PASSWORD: 'PASSWORD' is a step of resource \"Seed walkthrough\", which "
                              "sets it during the run; --var gives values to workspace variables only");
    }
    void refusesVariablesNothingReads()
    {
        QFETCH(QString, command);
        QFETCH(QString, variable);
        QFETCH(QString, message);
        QStringList arguments = seedArguments();
        arguments.first() = command;
        arguments << QStringLiteral("--var") << variable + QStringLiteral("=hidden-value");
        if (command == QLatin1String("query"))
            arguments << QStringLiteral("--session-store") << QStringLiteral("memory");
        expectRefusedBeforeRunning(arguments, message);
    }

    // A workspace built in the studio against its demo API keeps DEMO_API empty: run without
    // --with-demo-server, the CLI says how to give it one (QA pass 21: only the URL error said anything).
    void emptyDemoApiPointsAtWithDemoServer()
    {
        QFile demo(Demo);
        QVERIFY(demo.open(QIODevice::ReadOnly));
        QByteArray data = demo.readAll();
        QVERIFY(data.contains("\"value\": \"http://127.0.0.1:8787\""));
        data.replace("\"value\": \"http://127.0.0.1:8787\"", "\"value\": \"\"");
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("empty-demo.authstudio.json"), data);
        QVERIFY(!path.isEmpty());
        QStringList arguments = seedArguments();
        arguments[1] = path;
        arguments.removeAll(QStringLiteral("--with-demo-server"));
        const Run run = cli(arguments);
        QVERIFY2(run.err.contains(QStringLiteral("note: DEMO_API is empty in %1; --with-demo-server runs the "
                                                 "built-in demo API for it")
                                      .arg(path)),
                 qPrintable(run.err));
        // With the option, no note.
        arguments << QStringLiteral("--with-demo-server");
        const Run served = cli(arguments);
        QCOMPARE(served.exitCode, 0);
        QVERIFY2(!served.err.contains(QStringLiteral("note: DEMO_API")), qPrintable(served.err));
    }

    // What --var is for beyond overriding: a name the resource reads that the workspace lacks (a resource
    // imported without its variables), in a {{ }} field or in a script. And a disabled variable is a
    // workspace variable all the same.
    void acceptsVariablesTheResourceReads()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("reads.authstudio.json"),
                                       R"({"format": "authstudio-workspace", "formatVersion": 1,
            "variables": [{"name": "OFF", "value": "file", "enabled": false}],
            "resources": [{"name": "r", "auth": {"method": "custom", "authWorkflow": [
                {"type": "defineVariable", "name": "URL", "value": "{{ API }}/x"},
                {"type": "javascript", "name": "js1", "code": "return GREETING + '!' + OFF;"}]}}]})");
        QVERIFY(!path.isEmpty());
        const Run run = cli({QStringLiteral("auth"), path, QStringLiteral("--resource"), QStringLiteral("r"),
                             QStringLiteral("--var"), QStringLiteral("API=http://a"), QStringLiteral("--var"),
                             QStringLiteral("GREETING=hi"), QStringLiteral("--var"), QStringLiteral("OFF=on"),
                             QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject scope =
            QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("scope")).toObject();
        QCOMPARE(scope.value(QStringLiteral("URL")).toString(), QStringLiteral("http://a/x"));
        QCOMPARE(scope.value(QStringLiteral("js1")).toString(), QStringLiteral("hi!on"));
    }

    // An explicit --var DEMO_API wins over --with-demo-server, which then starts nothing, and says so.
    void explicitDemoApiWinsOverWithDemoServer()
    {
        DemoServer server;
        QVERIFY(server.listen());
        const QString url = server.baseUrl().toString();
        const Run run = cli(seedArguments() << QStringLiteral("--var") << QStringLiteral("DEMO_API=") + url
                                            << QStringLiteral("--json"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject scope =
            QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("scope")).toObject();
        QCOMPARE(scope.value(QStringLiteral("DEMO_API")).toString(), url);
        QVERIFY(server.counters().requests > 0); // http1 went to this server
        QVERIFY2(run.err.contains(QStringLiteral("--var DEMO_API is used")), qPrintable(run.err));
    }

    // A resource exported from the studio runs on its own (QA pass 37: validate accepted it, auth and query
    // refused it): no --resource needed, and what it read from its workspace comes from --var, which it
    // says before a form asks for a password.
    void runsAResourceExport()
    {
        DemoServer server;
        QVERIFY(server.listen());
        QTemporaryDir dir;
        const Resource resource = TestWorkspaces::demoLoginWorkspace(QString()).resources.first();
        const QString path = writeFile(dir, QStringLiteral("api.authstudio-resource.json"),
                                       WorkspaceWriter::resourceToJson(resource));
        QVERIFY(!path.isEmpty());

        const Run unset = cli({QStringLiteral("auth"), path});
        QCOMPARE(unset.exitCode, 2);
        QVERIFY2(
            unset.err.contains(
                QStringLiteral(
                    "%1: step \"http1\" of resource \"api\" reads {{ DEMO_API }} from the workspace it was "
                    "exported from, and an export carries no workspace variables: give it with --var "
                    "DEMO_API=VALUE (--with-demo-server runs the built-in demo API for DEMO_API)")
                    .arg(path)),
            qPrintable(unset.err));
        QVERIFY(unset.out.isEmpty()); // refused before the form

        const QStringList given =
            QStringList {QStringLiteral("--var"), QStringLiteral("DEMO_API=") + server.baseUrl().toString()} +
            loginInputs();
        const Run auth = cli(QStringList {QStringLiteral("auth"), path, QStringLiteral("--json")} + given);
        QVERIFY2(auth.exitCode == 0, qPrintable(auth.err));
        QCOMPARE(
            QJsonDocument::fromJson(auth.out.toUtf8()).object().value(QStringLiteral("resource")).toString(),
            QStringLiteral("api"));

        const Run query =
            cli(QStringList {QStringLiteral("query"), path, QStringLiteral("--path"), QStringLiteral("/me"),
                             QStringLiteral("--session-store"), QStringLiteral("memory")} +
                given);
        QVERIFY2(query.exitCode == 0, qPrintable(query.err));
        QVERIFY2(query.out.startsWith(QStringLiteral("200 GET ") + server.baseUrl().toString() +
                                      QStringLiteral("/me")),
                 qPrintable(query.out));
        QVERIFY(!query.out.contains(DemoServer::demoPassword()));

        const Run wrongName =
            cli({QStringLiteral("auth"), path, QStringLiteral("--resource"), QStringLiteral("other")});
        QCOMPARE(wrongName.exitCode, 2);
        QVERIFY2(wrongName.err.contains(
                     QStringLiteral("%1: no resource named \"other\": the export holds \"api\"").arg(path)),
                 qPrintable(wrongName.err));
    }

    // --resource may be left out when there is nothing to choose; with several, the CLI asks which.
    void resourceNeededOnlyWhenThereAreSeveral()
    {
        const Run several = cli({QStringLiteral("auth"), Demo, QStringLiteral("--with-demo-server")});
        QCOMPARE(several.exitCode, 2);
        QVERIFY2(several.err.contains(QStringLiteral("%1: which resource? Name it with --resource NAME (the "
                                                     "workspace has: \"Seed walkthrough\", \"Demo login\")")
                                          .arg(Demo)),
                 qPrintable(several.err));
        QTemporaryDir dir;
        const QString path = writeFile(
            dir, QStringLiteral("one.authstudio.json"),
            WorkspaceWriter::toJson(TestWorkspaces::demoLoginWorkspace(QStringLiteral("http://x"))));
        const Run one = cli(QStringList {QStringLiteral("auth"), path, QStringLiteral("--with-demo-server"),
                                         QStringLiteral("--json")} +
                            loginInputs());
        QVERIFY2(one.exitCode == 0, qPrintable(one.err));
    }

    // A name nothing defines stops a run where it is read: said before the form asks for the password (the
    // run asked first, then failed), for auth's workflow and for the resource's own fields in a query. A
    // misspelt form field is warned of.
    void refusesUndefinedNamesBeforeTheForm()
    {
        QTemporaryDir dir;
        Workspace workspace = TestWorkspaces::demoLoginWorkspace(QStringLiteral("http://127.0.0.1:1"));
        Resource &resource = workspace.resources.first();
        auto &http1 = std::get<ApiRequestStep>(resource.customAuth.authWorkflow.steps[1]);
        http1.url = QStringLiteral("{{ API_BASE }}/login");
        http1.body.text.replace(QStringLiteral("form1.email"), QStringLiteral("form1.mail"));
        resource.headers.append({QStringLiteral("X-Tenant"), QStringLiteral("{{ TENANT }}")});
        const QString path =
            writeFile(dir, QStringLiteral("undefined.authstudio.json"), WorkspaceWriter::toJson(workspace));
        QVERIFY(!path.isEmpty());

        const Run auth = cli({QStringLiteral("auth"), path});
        QCOMPARE(auth.exitCode, 2);
        QVERIFY2(
            auth.err.contains(
                QStringLiteral(
                    "%1: step \"http1\" of resource \"api\" reads {{ API_BASE }}, which no enabled workspace "
                    "variable and no step before it defines: a run would stop there; give it with --var "
                    "API_BASE=VALUE, or define it in the workspace")
                    .arg(path)),
            qPrintable(auth.err));
        QVERIFY2(auth.err.contains(
                     QStringLiteral(
                         "%1: warning: step \"http1\" reads {{ form1.mail }}, a field form \"form1\" doesn't "
                         "have (its fields: email, password): a run reads null there")
                         .arg(path)),
                 qPrintable(auth.err));
        QVERIFY(auth.out.isEmpty());
        QVERIFY(!auth.err.contains(QStringLiteral("password:"))); // no prompt

        const Run query =
            cli({QStringLiteral("query"), path, QStringLiteral("--session-store"), QStringLiteral("memory"),
                 QStringLiteral("--var"), QStringLiteral("API_BASE=http://127.0.0.1:1")});
        QCOMPARE(query.exitCode, 2);
        QVERIFY2(
            query.err.contains(QStringLiteral("%1: resource \"api\" reads {{ TENANT }}, which no enabled "
                                              "workspace variable and no step before it defines")
                                   .arg(path)),
            qPrintable(query.err));
    }

    // --with-demo-server for a resource that doesn't read DEMO_API says the demo API goes unused (QA pass
    // 50: it was started without a word, and the run went where the resource pointed).
    void aDemoServerNothingReadsIsSaid()
    {
        DemoServer server;
        QVERIFY(server.listen());
        Workspace workspace = TestWorkspaces::demoLoginWorkspace(server.baseUrl().toString());
        workspace = ReferenceRenamer::renameVariable(workspace, 0, QStringLiteral("API"));
        QCOMPARE(workspace.variables.first().name, QStringLiteral("API"));
        QTemporaryDir dir;
        const QString path =
            writeFile(dir, QStringLiteral("api.authstudio.json"), WorkspaceWriter::toJson(workspace));
        QVERIFY(!path.isEmpty());
        const QString note =
            QStringLiteral("note: resource \"api\" doesn't read DEMO_API, so the demo API --with-demo-server "
                           "started goes unused");
        const Run unused = cli(
            QStringList {QStringLiteral("auth"), path, QStringLiteral("--with-demo-server")} + loginInputs());
        QVERIFY2(unused.exitCode == 0, qPrintable(unused.err));
        QVERIFY2(unused.err.contains(note), qPrintable(unused.err));
        QCOMPARE(server.counters().logins, 1); // the run went to the resource's own server

        const Run used =
            cli(QStringList {QStringLiteral("auth"), Demo, QStringLiteral("--resource"),
                             QStringLiteral("Demo login"), QStringLiteral("--with-demo-server")} +
                loginInputs());
        QVERIFY2(used.exitCode == 0, qPrintable(used.err));
        QVERIFY2(!used.err.contains(QStringLiteral("goes unused")), qPrintable(used.err));
    }

    void queryReusesTheSessionOfAnEarlierProcess()
    {
        // Two CLI processes against one demo API: the second finds the first one's session in the keychain.
        DemoServer server;
        QVERIFY(server.listen());
        const QStringList target {Demo, QStringLiteral("--resource"), QStringLiteral("Demo login"),
                                  QStringLiteral("--profile"), QStringLiteral("cli-test")};
        const QStringList common = target +
            QStringList {QStringLiteral("--var"), QStringLiteral("DEMO_API=") + server.baseUrl().toString()};
        QVERIFY(cli(QStringList {QStringLiteral("logout")} + target).exitCode == 0);

        QProcess first;
        QSignalSpy firstDone(&first, &QProcess::finished);
        first.setStandardInputFile(QProcess::nullDevice());
        first.start(QStringLiteral(AUTHSTUDIO_CLI_PATH),
                    QStringList {QStringLiteral("query")} + common +
                        QStringList {QStringLiteral("--path"), QStringLiteral("/me"),
                                     QStringLiteral("--input"),
                                     QStringLiteral("form1.email=") + DemoServer::demoEmail(),
                                     QStringLiteral("--input"),
                                     QStringLiteral("form1.password=") + DemoServer::demoPassword(),
                                     QStringLiteral("--json"), QStringLiteral("--events")});
        QVERIFY(firstDone.wait(60000)); // the server runs in this process: wait with its event loop turning
        QCOMPARE(first.exitCode(), 0);
        const QByteArray firstOut = first.readAllStandardOutput();
        QVERIFY2(!first.readAllStandardError().contains("note: No OS keychain"),
                 "the test keyring was not reachable");
        const QJsonObject firstDocument = QJsonDocument::fromJson(firstOut).object();
        QCOMPARE(
            firstDocument.value(QStringLiteral("summary")).toObject().value(QStringLiteral("logins")).toInt(),
            1);
        QCOMPARE(server.counters().logins, 1);
        // Secrets stay out of the JSON: the token, and the password typed in the form.
        QVERIFY(!firstOut.contains(DemoServer::demoPassword().toUtf8()));

        QProcess second;
        QSignalSpy secondDone(&second, &QProcess::finished);
        second.setStandardInputFile(QProcess::nullDevice()); // no inputs this time: it must not need them
        second.start(QStringLiteral(AUTHSTUDIO_CLI_PATH),
                     QStringList {QStringLiteral("query")} + common +
                         QStringList {QStringLiteral("--path"), QStringLiteral("/me"),
                                      QStringLiteral("--repeat"), QStringLiteral("5")});
        QVERIFY(secondDone.wait(60000));
        const QString secondOut = QString::fromUtf8(second.readAllStandardOutput());
        QVERIFY2(second.exitCode() == 0,
                 qPrintable(secondOut + QString::fromUtf8(second.readAllStandardError())));
        QVERIFY2(secondOut.contains(QStringLiteral("5 queries: 200 x5 | logins 0, refreshes 0, retries 0")),
                 qPrintable(secondOut));
        QCOMPARE(server.counters().logins, 1);
        QCOMPARE(server.counters().loginTests,
                 1); // the stored session was checked once with the login test URL

        QProcess logout;
        QSignalSpy logoutDone(&logout, &QProcess::finished);
        logout.start(QStringLiteral(AUTHSTUDIO_CLI_PATH), QStringList {QStringLiteral("logout")} + target);
        QVERIFY(logoutDone.wait(60000));
        QCOMPARE(logout.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(logout.readAllStandardOutput()).trimmed(),
                 QStringLiteral("Logged out of \"Demo login\" (profile cli-test)."));
        // Said as it is when there was none (QA pass 50: "Logged out" either way).
        const Run again = cli(QStringList {QStringLiteral("logout")} + target);
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.out.trimmed(),
                 QStringLiteral("Not logged in to \"Demo login\" (profile cli-test): there "
                                "was no session to remove."));
        const Run afterLogout = cli(QStringList {QStringLiteral("query")} + common +
                                    QStringList {QStringLiteral("--path"), QStringLiteral("/me")});
        QCOMPARE(afterLogout.exitCode, 1); // no session and no inputs: the login can't run
        QVERIFY2(afterLogout.out.contains(QStringLiteral("no value for form1.email")),
                 qPrintable(afterLogout.out));
    }

    // A value that looks like a secret, given with --var or kept in the workspace (which validate warns
    // of), is masked in auth's and query's output as a typed password is, echoed back by the server too:
    // CI logs took an API key given with --var (QA pass 44). --show-secrets prints it.
    void secretLookingVariablesAreMasked()
    {
        DemoServer server;
        QVERIFY(server.listen());
        Workspace workspace = TestWorkspaces::demoLoginWorkspace(server.baseUrl().toString());
        workspace.variables.append({QStringLiteral("SVC_PASSWORD"), QStringLiteral("hunter2hunter2XYZ")});
        Resource &resource = workspace.resources.first();
        auto &login = std::get<ApiRequestStep>(resource.customAuth.authWorkflow.steps[1]);
        login.headers = {{QStringLiteral("X-Api-Key"), QStringLiteral("{{ API_KEY }}")},
                         {QStringLiteral("X-Service"), QStringLiteral("{{ SVC_PASSWORD }}")}};
        resource.headers.append({QStringLiteral("X-Api-Key"), QStringLiteral("{{ API_KEY }}")});
        QTemporaryDir dir;
        const QString path =
            writeFile(dir, QStringLiteral("keys.authstudio.json"), WorkspaceWriter::toJson(workspace));
        QVERIFY(!path.isEmpty());
        const QString key = QStringLiteral("sk_live_51HxyzSECRETKEY0123456789");
        const QStringList inputs {
            QStringLiteral("--var"),   QStringLiteral("API_KEY=") + key,
            QStringLiteral("--input"), QStringLiteral("form1.email=") + DemoServer::demoEmail(),
            QStringLiteral("--input"), QStringLiteral("form1.password=") + DemoServer::demoPassword()};
        const Run auth = cli(QStringList {QStringLiteral("auth"), path} + inputs);
        QCOMPARE(auth.exitCode, 0);
        QVERIFY2(auth.out.contains(QStringLiteral("\"API_KEY\": \"********\"")), qPrintable(auth.out));
        QVERIFY(!(auth.out + auth.err).contains(key));
        QVERIFY(!(auth.out + auth.err).contains(QStringLiteral("hunter2hunter2XYZ")));
        const Run query = cli(QStringList {QStringLiteral("query"), path, QStringLiteral("--session-store"),
                                           QStringLiteral("memory"), QStringLiteral("--path"),
                                           QStringLiteral("/anything/echo")} +
                              inputs);
        QCOMPARE(query.exitCode, 0);
        QVERIFY2(query.out.contains(QStringLiteral("X-Api-Key")), qPrintable(query.out)); // the echo
        QVERIFY2(!(query.out + query.err).contains(key), qPrintable(query.out));
        const Run shown =
            cli(QStringList {QStringLiteral("auth"), path, QStringLiteral("--show-secrets")} + inputs);
        QCOMPARE(shown.exitCode, 0);
        QVERIFY(shown.out.contains(key));
    }

    void queryRefreshAndEventsWithoutSecrets()
    {
        DemoServer server;
        server.setTokenLifetime(0); // every token is born expired: each query needs the refresh path
        QVERIFY(server.listen());
        QProcess process;
        QSignalSpy done(&process, &QProcess::finished);
        process.start(QStringLiteral(AUTHSTUDIO_CLI_PATH),
                      {QStringLiteral("query"), Demo, QStringLiteral("--resource"),
                       QStringLiteral("Demo login"), QStringLiteral("--var"),
                       QStringLiteral("DEMO_API=") + server.baseUrl().toString(),
                       QStringLiteral("--session-store"), QStringLiteral("memory"), QStringLiteral("--input"),
                       QStringLiteral("form1.email=") + DemoServer::demoEmail(), QStringLiteral("--input"),
                       QStringLiteral("form1.password=") + DemoServer::demoPassword(),
                       QStringLiteral("--path"), QStringLiteral("/me"), QStringLiteral("--events")});
        QVERIFY(done.wait(60000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        // Refreshed tokens are born expired too, so the retry fails: original failure, login required,
        // exit 1.
        QCOMPARE(process.exitCode(), 1);
        QVERIFY2(out.contains(QStringLiteral("401 GET")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("refresh (failed query (401)): ok")), qPrintable(out));
        // Under the login and the refresh, the requests they made and what came back.
        QVERIFY2(
            out.contains(
                QStringLiteral("    http1: POST %1/login -> HTTP 200 (").arg(server.baseUrl().toString())),
            qPrintable(out));
        QVERIFY2(
            out.contains(
                QStringLiteral("    http1: POST %1/refresh -> HTTP 200 (").arg(server.baseUrl().toString())),
            qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("login required")), qPrintable(out));
        QCOMPARE(server.counters().refreshes, 1);
        QVERIFY(!out.contains(DemoServer::demoPassword()));
    }

    void demoServerCommandServesAuth()
    {
        // The documented flow: `authstudio-cli demo-server` in one process, `auth` against it in another.
        QProcess server;
        QSignalSpy ready(&server, &QProcess::readyReadStandardOutput);
        server.start(QStringLiteral(AUTHSTUDIO_CLI_PATH),
                     {QStringLiteral("demo-server"), QStringLiteral("--port"), QStringLiteral("0"),
                      QStringLiteral("--token-ttl"), QStringLiteral("60")});
        QVERIFY(ready.wait(20000));
        QTRY_VERIFY(server.canReadLine());
        const QString firstLine = QString::fromUtf8(server.readLine()).trimmed();
        QVERIFY2(firstLine.startsWith(QStringLiteral("Demo API listening on http://127.0.0.1:")),
                 qPrintable(firstLine));
        const QString baseUrl = firstLine.section(QLatin1Char(' '), -1);

        const Run run =
            cli({QStringLiteral("auth"), Demo, QStringLiteral("--resource"), QStringLiteral("Demo login"),
                 QStringLiteral("--var"), QStringLiteral("DEMO_API=") + baseUrl, QStringLiteral("--input"),
                 QStringLiteral("form1.email=") + DemoServer::demoEmail(), QStringLiteral("--input"),
                 QStringLiteral("form1.password=") + DemoServer::demoPassword(), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject scope =
            QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("scope")).toObject();
        QCOMPARE(scope.value(QStringLiteral("EXPIRES_IN")).toInt(), 60);

        QSignalSpy finished(&server, &QProcess::finished);
        server.terminate(); // SIGTERM: the server stops cleanly
        QVERIFY(finished.wait(20000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
    }
};

void TestCli::expectRefusedBeforeRunning(const QStringList &arguments, const QString &message)
{
    const Run run = cli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(!run.err.contains(QStringLiteral("hidden-value")));
    QVERIFY(run.out.isEmpty()); // refused before anything ran
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
