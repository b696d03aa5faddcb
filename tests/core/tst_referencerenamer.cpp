// ReferenceRenamer: which identifiers a rename rewrites in scripts, templates and JSON bodies (root
// references only), and which fields of a resource a renamed step or variable reaches. Also the other use of
// the same lexer (JavaScriptSource): whether a cursor position is in code or inside a literal or comment.
#include "TestWorkspaces.h"
#include "script/JavaScriptSource.h"
#include "script/ReferenceRenamer.h"
#include "script/ResourceReferences.h"

#include <QJSEngine>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

Q_DECLARE_METATYPE(AuthStudio::KeyValue)

using namespace AuthStudio;

namespace {

const ApiRequestStep &requestAt(const Workflow &workflow, int index)
{
    return std::get<ApiRequestStep>(workflow.steps.at(index));
}

const DefineVariableStep &variableAt(const Workflow &workflow, int index)
{
    return std::get<DefineVariableStep>(workflow.steps.at(index));
}

} // namespace

class TestReferenceRenamer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void script_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *name, const char *code, const char *expected) {
            QTest::newRow(name) << QString::fromUtf8(code) << QString::fromUtf8(expected);
        };
        row("root path", "http1.body.token", "login.body.token");
        row("bare name", "http1", "login");
        row("call argument", "btoa(http1.body)", "btoa(login.body)");
        row("index", "http1[\"body\"]", "login[\"body\"]");
        row("twice", "http1.a + http1.b", "login.a + login.b");
        row("property", "foo.http1", "foo.http1");
        row("property after spaces", "foo . http1", "foo . http1");
        row("optional chaining property", "foo?.http1", "foo?.http1");
        row("optional chaining root", "http1?.body", "login?.body");
        row("ternary", "ok ? http1 : 0", "ok ? login : 0");
        row("conditional on a number", "ok?.5:http1", "ok?.5:login");
        row("longer name", "http10.body", "http10.body");
        row("prefix", "xhttp1", "xhttp1");
        row("suffix with $", "http1$", "http1$");
        row("double-quoted string", "\"http1\" + http1", "\"http1\" + login");
        row("single-quoted string with escape", "'it\\'s http1' + http1", "'it\\'s http1' + login");
        row("template literal text", "`http1 ${http1.body} http1`", "`http1 ${login.body} http1`");
        row("nested template", "`a ${ `b ${http1}` } c`", "`a ${ `b ${login}` } c`");
        row("braces inside template expression", "`${ {a: http1}.a } http1`", "`${ {a: login}.a } http1`");
        row("line comment", "// http1 here\nreturn http1;", "// http1 here\nreturn login;");
        row("block comment", "/* http1 */ http1", "/* http1 */ login");
        row("regular expression", "return /http1/.test(http1.body);", "return /http1/.test(login.body);");
        row("regex with class", "x = /[/]http1/g; http1", "x = /[/]http1/g; login");
        row("division", "http1.a / http1.b / 2", "login.a / login.b / 2");
        row("object key", "({ http1: http1.body, b: 1, http1 : 2 })",
            "({ http1: login.body, b: 1, http1 : 2 })");
        row("shorthand property", "return { http1 };", "return { http1: login };");
        row("shorthand among keys", "({ a: 1, http1, b })", "({ a: 1, http1: login, b })");
        row("shorthand in destructuring", "const { http1 } = x; return http1.status;",
            "const { http1: login } = x; return login.status;");
        row("shorthand with default", "const { http1 = {} } = x;", "const { http1: login = {} } = x;");
        row("not shorthand: comparison in a block", "if (a) { http1 == 2 }", "if (a) { login == 2 }");
        row("not shorthand: array", "[a, http1, b]", "[a, login, b]");
        row("not shorthand: arguments", "f(a, http1)", "f(a, login)");
        row("not shorthand: array in braces", "({ k: [a, http1] })", "({ k: [a, login] })");
        row("not shorthand: template part", "`${http1}`", "`${login}`");
        row("not shorthand: lone name in a block", "if (a) { http1 }", "if (a) { login }");
        row("not shorthand: comma expression in a block", "{ a, http1 }", "{ a, login }");
        row("not shorthand: else block", "if (a) {} else { http1 }", "if (a) {} else { login }");
        row("not shorthand: arrow function body", "const f = () => { http1 };", "const f = () => { login };");
        row("shorthand: arrow function returning an object", "const f = () => ({ http1 });",
            "const f = () => ({ http1: login });");
        row("shorthand: object in a block", "if (a) { return { http1 }; }",
            "if (a) { return { http1: login }; }");
        row("shorthand: argument", "f({ a, http1 })", "f({ a, http1: login })");
        row("shorthand: nested object", "x = { k: { http1 } }", "x = { k: { http1: login } }");
        row("arrow then comparison", "f(x => x >= http1)", "f(x => x >= login)");
        row("spread", "[...http1.items]", "[...login.items]");
        row("declaration", "const http1 = 1; return http1;", "const login = 1; return login;");
        row("number with letters", "0x1f + http1", "0x1f + login");
        row("unicode neighbour", "\u00e9http1 + http1\u00e9", "\u00e9http1 + http1\u00e9");
        row("unterminated string", "'http1 + http1", "'http1 + http1");
        row("block after case", "switch (x) { case 1: { a, http1 } }", "switch (x) { case 1: { a, login } }");
        row("block after a label", "outer: { http1 }", "outer: { login }");
        row("object after a conditional's colon", "x = ok ? {} : { http1 }",
            "x = ok ? {} : { http1: login }");
        row("object as a key's value", "({ k: { http1 } })", "({ k: { http1: login } })");
        row("object in a conditional in a case", "switch (x) { case 1: return ok ? 1 : { http1 }; }",
            "switch (x) { case 1: return ok ? 1 : { http1: login }; }");
        row("nullish is no conditional", "switch (x) { case a ?? b: { http1 } }",
            "switch (x) { case a ?? b: { login } }");
        row("class field and method names", "class A { http1 = http1; http1() { return http1; } }",
            "class A { http1 = login; http1() { return login; } }");
        row("class members after modifiers", "class A { static http1; get http1() {} }",
            "class A { static http1; get http1() {} }");
        row("class extending a call", "class A extends f({ http1 }) { http1 = 1 }",
            "class A extends f({ http1: login }) { http1 = 1 }");
        row("object methods", "({ http1() { return http1; }, get http1() { return 1; } })",
            "({ http1() { return login; }, get http1() { return 1; } })");
        row("call in a block", "if (a) { http1(x) }", "if (a) { login(x) }");
    }

    void script()
    {
        QFETCH(QString, code);
        QFETCH(QString, expected);
        const ReferenceRenamer renamer(QStringLiteral("http1"), QStringLiteral("login"));
        QCOMPARE(renamer.renameInScript(code), expected);
    }

    // The renamed script computes what the original did, run by the JavaScript engine with the step's
    // value under its new name.
    void scriptMeansTheSame_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("shorthand object") << QStringLiteral("return { http1, n: 1 };");
        QTest::newRow("destructuring") << QStringLiteral("const { http1 } = { http1: 7 }; return http1;");
        QTest::newRow("destructuring with default")
            << QStringLiteral("const { http1 = 3 } = {}; return [http1];");
        QTest::newRow("nested") << QStringLiteral("return { a: { http1 }, b: [http1.status] };");
        QTest::newRow("comma expression in a block")
            << QStringLiteral("let r; if (true) { r = http1.status, http1 } return r;");
        QTest::newRow("blocks after case and labels")
            << QStringLiteral("let r = 0; switch (1) { case 1: { r = http1.status, http1 } } "
                              "outer: { r += http1.status } return r;");
        QTest::newRow("class members named like the step")
            << QStringLiteral("class A { http1() { return http1.status + 1; } static http1() { return 2; } }"
                              " return [new A().http1(), A.http1()];");
        QTest::newRow("arrow function bodies")
            << QStringLiteral("const f = () => { return http1.status }; const g = () => ({ http1 }); "
                              "return [f(), g()];");
    }

    void scriptMeansTheSame()
    {
        QFETCH(QString, code);
        const ReferenceRenamer renamer(QStringLiteral("http1"), QStringLiteral("login"));
        const auto run = [](const QString &name, const QString &body) {
            QJSEngine engine;
            engine.globalObject().setProperty(
                name, engine.toScriptValue(QJsonObject {{QStringLiteral("status"), 200}}));
            const QJSValue result =
                engine.evaluate(QStringLiteral("JSON.stringify((function(){ %1 })())").arg(body));
            return result.isError() ? QStringLiteral("error: ") + result.toString() : result.toString();
        };
        const QString renamed = renamer.renameInScript(code);
        const QString before = run(QStringLiteral("http1"), code);
        QVERIFY2(!before.startsWith(QStringLiteral("error")), qPrintable(before));
        QCOMPARE(run(QStringLiteral("login"), renamed), before);
    }

    void templates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *name, const char *text, const char *expected) {
            QTest::newRow(name) << QString::fromUtf8(text) << QString::fromUtf8(expected);
        };
        row("header", "Bearer {{ TOKEN }}", "Bearer {{ ACCESS_TOKEN }}");
        row("literal text is not code", "TOKEN {{TOKEN}} TOKEN", "TOKEN {{ACCESS_TOKEN}} TOKEN");
        row("two expressions", "{{ TOKEN }}:{{ TOKEN.length }}",
            "{{ ACCESS_TOKEN }}:{{ ACCESS_TOKEN.length }}");
        row("string inside expression", "{{ 'TOKEN=' + TOKEN }}", "{{ 'TOKEN=' + ACCESS_TOKEN }}");
        row("property", "{{ session.TOKEN }}", "{{ session.TOKEN }}");
        row("longer name", "{{ TOKEN_2 }}", "{{ TOKEN_2 }}");
        row("no expression", "TOKEN", "TOKEN");
        row("unclosed keeps the rest", "{{ TOKEN }} {{ TOKEN", "{{ ACCESS_TOKEN }} {{ TOKEN");
        // An expression is evaluated in parentheses: a leading "{" is an object, not a block.
        row("object literal first in an expression", "{{ { TOKEN }.TOKEN }}",
            "{{ { TOKEN: ACCESS_TOKEN }.TOKEN }}");
    }

    void templates()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const ReferenceRenamer renamer(QStringLiteral("TOKEN"), QStringLiteral("ACCESS_TOKEN"));
        QCOMPARE(renamer.renameInTemplate(text), expected);
    }

    void jsonBodyKeepsItsLayout()
    {
        const ReferenceRenamer renamer(QStringLiteral("form1"), QStringLiteral("creds"));
        const QString body = QStringLiteral("{\n    \"email\": \"{{ form1.email }}\",\n    \"form1\": 1,\n"
                                            "    \"{{ form1.key }}\": \"{{ form1[\\\"pass\\\"] }}\"\n}");
        const QString expected =
            QStringLiteral("{\n    \"email\": \"{{ creds.email }}\",\n    \"form1\": 1,\n"
                           "    \"{{ creds.key }}\": \"{{ creds[\\\"pass\\\"] }}\"\n}");
        QCOMPARE(renamer.renameInJsonTemplate(body), expected);
        QVERIFY(!QJsonDocument::fromJson(expected.toUtf8()).isNull());
        // Text that is not (yet) valid JSON is rewritten string by string all the same.
        QCOMPARE(renamer.renameInJsonTemplate(QStringLiteral("{\"a\": \"{{ form1.email }}\",")),
                 QStringLiteral("{\"a\": \"{{ creds.email }}\","));
    }

    // JavaScriptSource::isCodeAt(), the lexer's other use: "|" marks the cursor.
    void codeAt_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("inCode");
        const auto row = [](const char *name, const char *code, bool inCode) {
            QTest::newRow(name) << QString::fromUtf8(code) << inCode;
        };
        row("empty", "|", true);
        row("after a string", "\"a\" + http1.|", true);
        row("before a string", "x = |\"abc\"", true);
        row("in a string", "x = 'abc http1.|'", false);
        row("in a string left open", "x = \"http1.|", false);
        row("a string ends at its line's end", "x = \"abc\nhttp1.|", true);
        row("after a string holding //", "fetch(\"http://x/\" + http1.|", true);
        row("in a line comment", "x; // http1.|", false);
        row("at a line comment's end", "// note|\nx", false);
        row("the line after a comment", "// note\nhttp1.|", true);
        row("in a block comment", "/* a\n b http1.|", false);
        row("after a block comment", "/* a */ http1.|", true);
        row("in template text", "`Bearer http1.|`", false);
        row("right after a template's opening", "`|", false);
        row("in a template's ${ }", "`a ${ http1.| }`", true);
        row("after a template", "`a ${b}` + http1.|", true);
        row("in template text after ${ }", "`a ${b} http1.|", false);
        row("in a regular expression", "if (/http1.|/.test(x))", false);
        row("after a division", "a / http1.|", true);
    }

    void codeAt()
    {
        QFETCH(QString, code);
        QFETCH(bool, inCode);
        const qsizetype cursor = code.indexOf(u'|');
        code.remove(cursor, 1);
        QCOMPARE(JavaScriptSource::isCodeAt(code, cursor, JavaScriptSource::Context::Statements), inCode);
    }

    void inactiveRenames_data()
    {
        QTest::addColumn<QString>("oldName");
        QTest::addColumn<QString>("newName");
        QTest::newRow("same") << QStringLiteral("http1") << QStringLiteral("http1");
        QTest::newRow("empty new name") << QStringLiteral("http1") << QString();
        QTest::newRow("new name not an identifier") << QStringLiteral("http1") << QStringLiteral("1st");
        QTest::newRow("old name not an identifier") << QStringLiteral("my step") << QStringLiteral("login");
    }

    void inactiveRenames()
    {
        QFETCH(QString, oldName);
        QFETCH(QString, newName);
        const ReferenceRenamer renamer(oldName, newName);
        QVERIFY(!renamer.isActive());
        QCOMPARE(renamer.renameInTemplate(QStringLiteral("{{ http1.body }}")),
                 QStringLiteral("{{ http1.body }}"));
        QCOMPARE(renamer.renameInScript(QStringLiteral("http1")), QStringLiteral("http1"));
    }

    void renamingAStepReachesLaterStepsOfItsWorkflow()
    {
        Resource resource = TestWorkspaces::demoLoginWorkspace(QStringLiteral("http://x")).resources.first();
        Workflow &auth = resource.customAuth.authWorkflow;
        auth.steps.insert(2,
                          JavaScriptStep {QStringLiteral("js1"), true,
                                          QStringLiteral("return http1.body.token + 'http1';")});
        resource.headers.append({QStringLiteral("X-Debug"), QStringLiteral("{{ http1.status }}")});

        const Resource renamed = ReferenceRenamer::renameStep(resource, ReferenceRenamer::WorkflowPart::Auth,
                                                              1, QStringLiteral("login"));
        const Workflow &after = renamed.customAuth.authWorkflow;
        QCOMPARE(stepName(after.steps.at(1)), QStringLiteral("login"));
        QCOMPARE(std::get<JavaScriptStep>(after.steps.at(2)).code,
                 QStringLiteral("return login.body.token + 'http1';"));
        QCOMPARE(variableAt(after, 3).value, QStringLiteral("{{ login.body.token }}"));
        QCOMPARE(variableAt(after, 5).value, QStringLiteral("{{ login.body.expires_in }}"));
        // The refresh workflow's http1 is a step of its own, and resource fields can't see step results.
        QCOMPARE(renamed.customAuth.refreshWorkflow, resource.customAuth.refreshWorkflow);
        QCOMPARE(renamed.headers, resource.headers);

        // Renaming the form rewrites the JSON body of the request after it.
        const Resource creds = ReferenceRenamer::renameStep(resource, ReferenceRenamer::WorkflowPart::Auth, 0,
                                                            QStringLiteral("creds"));
        QCOMPARE(requestAt(creds.customAuth.authWorkflow, 1).body.text,
                 QStringLiteral(R"({"email": "{{ creds.email }}", "password": "{{ creds.password }}"})"));
    }

    // What a resource reads from its workspace: the demo login reads DEMO_API; its own steps and defined
    // variables (form1, http1, TOKEN, REFRESH_TOKEN) are its own. A name only a script reads isn't known.
    void outsideNamesAreTheWorkspacesOnly()
    {
        Resource resource = TestWorkspaces::demoLoginWorkspace(QStringLiteral("http://x")).resources.first();
        QCOMPARE(ResourceReferences::outsideNames(resource), QStringList {QStringLiteral("DEMO_API")});
        resource.urlParameters = {{QStringLiteral("tenant"), QStringLiteral("{{ TENANT.id }}")}};
        resource.customAuth.refreshWorkflow.steps.append(
            TestWorkspaces::defineVariable(QStringLiteral("X"), QStringLiteral("{{ [SCRIPTED][0] }}")));
        QCOMPARE(ResourceReferences::outsideNames(resource),
                 (QStringList {QStringLiteral("DEMO_API"), QStringLiteral("TENANT")}));
    }

    // What a run would stop at, before it asks for anything (QA pass 35): only the texts a run evaluates,
    // each name once, in step order.
    // Both workflows define a session variable, with a different Secret: listed by the auth workflow's flag
    // (the last enabled step of a name decides; a disabled one doesn't count).
    void secretFlagMismatchesAreListed()
    {
        Resource resource;
        resource.authMethod = Resource::AuthMethod::Custom;
        const auto define = [](const QString &name, bool secret, bool enabled = true) {
            DefineVariableStep step;
            step.name = name;
            step.value = QStringLiteral("{{ x }}");
            step.secret = secret;
            step.enabled = enabled;
            return step;
        };
        resource.customAuth.authWorkflow.steps = {
            define(QStringLiteral("TOKEN"), true), define(QStringLiteral("EXPIRES_IN"), false),
            define(QStringLiteral("SAME"), true), define(QStringLiteral("OFF"), true)};
        resource.customAuth.refreshWorkflow.steps = {
            define(QStringLiteral("TOKEN"), false), define(QStringLiteral("EXPIRES_IN"), true),
            define(QStringLiteral("SAME"), true), define(QStringLiteral("OFF"), false, false)};
        const QList<ResourceReferences::SecretFlagMismatch> found =
            ResourceReferences::secretFlagMismatches(resource);
        QCOMPARE(found.size(), 2);
        QCOMPARE(found.at(0).name, QStringLiteral("TOKEN"));
        QVERIFY(found.at(0).secretAfterLogin);
        QCOMPARE(found.at(1).name, QStringLiteral("EXPIRES_IN"));
        QVERIFY(!found.at(1).secretAfterLogin);
    }

    void undefinedReadsAreWhatARunEvaluates()
    {
        Resource resource = TestWorkspaces::demoLoginWorkspace(QStringLiteral("http://x")).resources.first();
        const Workflow &auth = resource.customAuth.authWorkflow;
        QVERIFY(ResourceReferences::undefinedReads(auth, {QStringLiteral("DEMO_API")}).isEmpty());
        const QList<ResourceReferences::UndefinedRead> withoutApi =
            ResourceReferences::undefinedReads(auth, {});
        QCOMPARE(withoutApi.size(), 1);
        QCOMPARE(withoutApi.first().step, QStringLiteral("http1"));
        QCOMPARE(withoutApi.first().name, QStringLiteral("DEMO_API"));

        Workflow workflow = auth;
        auto &request = std::get<ApiRequestStep>(workflow.steps[1]);
        request.headers = {{QStringLiteral("X-Off"), QStringLiteral("{{ OFF }}"), false},
                           {QStringLiteral("X-On"), QStringLiteral("{{ ON }}")}};
        request.body.fields = {
            {QStringLiteral("unused"), QStringLiteral("{{ FIELD }}")}}; // a JSON body is sent
        request.body.text = QStringLiteral(R"({"a": "{{ BODY }}", "b": "{{ Math.PI }}{{ ON }}"})");
        workflow.steps.append(
            TestWorkspaces::defineVariable(QStringLiteral("LATER"), QStringLiteral("{{ http1.status }}")));
        auto disabled = TestWorkspaces::defineVariable(QStringLiteral("GONE"), QStringLiteral("{{ NOPE }}"));
        disabled.enabled = false;
        workflow.steps.append(disabled);
        workflow.steps.append(
            TestWorkspaces::defineVariable(QStringLiteral("READS"), QStringLiteral("{{ GONE }}")));
        QStringList found;
        for (const ResourceReferences::UndefinedRead &read :
             ResourceReferences::undefinedReads(workflow, {QStringLiteral("DEMO_API")}))
            found.append(read.step + QLatin1Char(':') + read.name);
        QCOMPARE(found,
                 (QStringList {QStringLiteral("http1:ON"), QStringLiteral("http1:BODY"),
                               QStringLiteral("READS:GONE")}));
    }

    // Renamed to a keyword, which no expression can be written with, a step's or variable's readers stay
    // as they were (QA pass 33: a variable renamed `class` rewrote the base URL to {{ class }}).
    void renamingToAKeywordLeavesTheReaders()
    {
        Resource resource = TestWorkspaces::demoLoginWorkspace(QStringLiteral("http://x")).resources.first();
        const Resource renamed = ReferenceRenamer::renameStep(resource, ReferenceRenamer::WorkflowPart::Auth,
                                                              1, QStringLiteral("new"));
        QCOMPARE(std::get<DefineVariableStep>(renamed.customAuth.authWorkflow.steps.at(2)).value,
                 std::get<DefineVariableStep>(resource.customAuth.authWorkflow.steps.at(2)).value);
        QCOMPARE(stepName(renamed.customAuth.authWorkflow.steps.at(1)), QStringLiteral("new"));

        const Workspace workspace = TestWorkspaces::demoLoginWorkspace(QStringLiteral("http://x"));
        const Workspace classed = ReferenceRenamer::renameVariable(workspace, 0, QStringLiteral("class"));
        QCOMPARE(classed.variables.first().name, QStringLiteral("class"));
        QCOMPARE(classed.resources, workspace.resources); // {{ DEMO_API }} stays
    }

    // A refresh starts from the session: what it reads of the auth workflow's steps (not its defined
    // variables) stops it, unless a refresh step before the reader has that name (QA pass 33: the common
    // layout, a refresh request also called http1 reading {{ http1.body.refresh_token }}, was missed).
    void refreshReadingAuthStepsIsFound()
    {
        Resource resource = TestWorkspaces::demoLoginWorkspace(QStringLiteral("http://x")).resources.first();
        Workflow &refresh = resource.customAuth.refreshWorkflow;
        QCOMPARE(ResourceReferences::authStepsReadByRefresh(resource), QStringList()); // REFRESH_TOKEN only
        // The refresh's own http1 reads the auth workflow's http1: it isn't in the scope yet.
        std::get<ApiRequestStep>(refresh.steps[0]).body.text =
            QStringLiteral(R"({"refresh_token": "{{ http1.body.refresh_token }}"})");
        QCOMPARE(ResourceReferences::authStepsReadByRefresh(resource), QStringList {QStringLiteral("http1")});
        std::get<ApiRequestStep>(refresh.steps[0]).body.text =
            QStringLiteral(R"({"refresh_token": "{{ REFRESH_TOKEN }}"})");
        // After the refresh's own http1, http1 is the refresh's (its TOKEN step reads {{ http1.body.token
        // }}).
        QCOMPARE(ResourceReferences::authStepsReadByRefresh(resource), QStringList());
        // A script reading the form, though not through a {{ }} field.
        JavaScriptStep js;
        js.name = QStringLiteral("js1");
        js.code = QStringLiteral("const user = form1.email; // not other.form1\nreturn user;");
        refresh.steps.insert(0, js);
        QCOMPARE(ResourceReferences::authStepsReadByRefresh(resource), QStringList {QStringLiteral("form1")});
        // Not its strings, comments or own variables (QA pass 34).
        std::get<JavaScriptStep>(refresh.steps[0]).code = QStringLiteral(
            "// form1 is the auth workflow's\nconst http1 = 'http1';\nreturn [http1, 'form1'];");
        QCOMPARE(ResourceReferences::authStepsReadByRefresh(resource), QStringList());
        // A disabled refresh request is skipped: after it, http1 is still the auth workflow's.
        refresh.steps.removeFirst();
        std::get<ApiRequestStep>(refresh.steps[0]).enabled = false;
        QCOMPARE(ResourceReferences::authStepsReadByRefresh(resource), QStringList {QStringLiteral("http1")});
    }

    // QA pass 20: renaming TOKEN to REFRESH_TOKEN (taken) renamed the refresh workflow's TOKEN too, and the
    // header's {{ TOKEN }}; renaming it on to ACCESS then took the real REFRESH_TOKEN along. A name another
    // step has can't tell the steps apart: only the step's own name changes.
    // A form field's key renamed: form1.email, form1?.email and form1["email"] follow in the later steps
    // of the form's workflow; not other roots, longer names, text in strings, or earlier steps. A key the
    // form has already renames the field only.
    void renamingAFormFieldRewritesItsReadersAfterTheForm()
    {
        Resource resource = TestWorkspaces::demoLoginWorkspace(QStringLiteral("http://x")).resources.first();
        Workflow &auth = resource.customAuth.authWorkflow;
        JavaScriptStep js;
        js.name = QStringLiteral("js1");
        js.code = QStringLiteral("const a = form1?.email, b = form1['email'], c = form1.emails;\n"
                                 "return [a, b, c, other.email, 'form1.email'];");
        auth.steps.insert(2, js);
        auth.steps.insert(
            0, TestWorkspaces::defineVariable(QStringLiteral("EARLY"), QStringLiteral("{{ form1.email }}")));
        const Resource renamed = ReferenceRenamer::renameFormField(
            resource, ReferenceRenamer::WorkflowPart::Auth, 1, 0, QStringLiteral("mail"));
        const Workflow &after = renamed.customAuth.authWorkflow;
        QCOMPARE(std::get<FormStep>(after.steps.at(1)).fields.first().key, QStringLiteral("mail"));
        QCOMPARE(std::get<ApiRequestStep>(after.steps.at(2)).body.text,
                 QStringLiteral(R"({"email": "{{ form1.mail }}", "password": "{{ form1.password }}"})"));
        QCOMPARE(std::get<JavaScriptStep>(after.steps.at(3)).code,
                 QStringLiteral("const a = form1?.mail, b = form1['mail'], c = form1.emails;\n"
                                "return [a, b, c, other.email, 'form1.email'];"));
        // A step before the form can't read it: left as it was.
        QCOMPARE(std::get<DefineVariableStep>(after.steps.at(0)).value, QStringLiteral("{{ form1.email }}"));

        // To the other field's key: the field alone is renamed.
        const Resource taken = ReferenceRenamer::renameFormField(
            resource, ReferenceRenamer::WorkflowPart::Auth, 1, 0, QStringLiteral("password"));
        QCOMPARE(std::get<FormStep>(taken.customAuth.authWorkflow.steps.at(1)).fields.first().key,
                 QStringLiteral("password"));
        QCOMPARE(std::get<ApiRequestStep>(taken.customAuth.authWorkflow.steps.at(2)).body.text,
                 std::get<ApiRequestStep>(auth.steps.at(2)).body.text);
    }

    void renameToATakenNameRewritesNothingElse()
    {
        const Resource resource =
            TestWorkspaces::demoLoginWorkspace(QStringLiteral("http://x")).resources.first();
        using Part = ReferenceRenamer::WorkflowPart;
        const Resource clash =
            ReferenceRenamer::renameStep(resource, Part::Auth, 2, QStringLiteral("REFRESH_TOKEN"));
        const Workflow &auth = clash.customAuth.authWorkflow;
        QCOMPARE(stepName(auth.steps.at(2)), QStringLiteral("REFRESH_TOKEN"));
        QCOMPARE(stepName(auth.steps.at(3)), QStringLiteral("REFRESH_TOKEN"));
        QCOMPARE(clash.customAuth.refreshWorkflow, resource.customAuth.refreshWorkflow);
        QCOMPARE(clash.headers, resource.headers); // still "Bearer {{ TOKEN }}", flagged until fixed

        // Either of the two steps renamed next takes nothing else along.
        const Resource next = ReferenceRenamer::renameStep(clash, Part::Auth, 2, QStringLiteral("ACCESS"));
        QCOMPARE(stepName(next.customAuth.authWorkflow.steps.at(2)), QStringLiteral("ACCESS"));
        QCOMPARE(stepName(next.customAuth.authWorkflow.steps.at(3)), QStringLiteral("REFRESH_TOKEN"));
        QCOMPARE(next.customAuth.refreshWorkflow, resource.customAuth.refreshWorkflow);
        QCOMPARE(next.headers, resource.headers);

        // A variable renamed to a step name of the other workflow keeps its definition there as it was.
        const Resource other =
            ReferenceRenamer::renameStep(resource, Part::Auth, 2, QStringLiteral("http1x"));
        QCOMPARE(other.headers.first().value, QStringLiteral("Bearer {{ http1x }}")); // a free name: follows
        const Resource taken =
            ReferenceRenamer::renameStep(resource, Part::Refresh, 1, QStringLiteral("form1"));
        QCOMPARE(taken.customAuth.authWorkflow, resource.customAuth.authWorkflow);
        QCOMPARE(taken.headers, resource.headers);
        QCOMPARE(stepName(taken.customAuth.refreshWorkflow.steps.at(1)), QStringLiteral("form1"));
    }

    void earlierStepsAndAnotherStepOfTheNameAreLeftAlone()
    {
        Resource resource;
        Workflow &auth = resource.customAuth.authWorkflow;
        auth.steps = {
            TestWorkspaces::defineVariable(QStringLiteral("A"), QStringLiteral("{{ http1 }}")),
            TestWorkspaces::apiRequest(QStringLiteral("http1"), QStringLiteral("GET"), QStringLiteral("u")),
            TestWorkspaces::defineVariable(QStringLiteral("B"), QStringLiteral("{{ http1 }}")),
            TestWorkspaces::apiRequest(QStringLiteral("http1"), QStringLiteral("GET"),
                                       QStringLiteral("{{ http1.body.next }}")),
            TestWorkspaces::defineVariable(QStringLiteral("C"), QStringLiteral("{{ http1 }}"))};
        const Resource renamed = ReferenceRenamer::renameStep(resource, ReferenceRenamer::WorkflowPart::Auth,
                                                              1, QStringLiteral("first"));
        const Workflow &after = renamed.customAuth.authWorkflow;
        QCOMPARE(variableAt(after, 0).value, QStringLiteral("{{ http1 }}"));
        QCOMPARE(variableAt(after, 2).value, QStringLiteral("{{ first }}"));
        // The second http1's own fields still read the first; after it, http1 means the second.
        QCOMPARE(requestAt(after, 3).url, QStringLiteral("{{ first.body.next }}"));
        QCOMPARE(stepName(after.steps.at(3)), QStringLiteral("http1"));
        QCOMPARE(variableAt(after, 4).value, QStringLiteral("{{ http1 }}"));
    }

    void renamingAVariableReachesTheSessionsReaders()
    {
        Resource resource = TestWorkspaces::demoLoginWorkspace(QStringLiteral("http://x")).resources.first();
        resource.baseUrl = QStringLiteral("{{ DEMO_API }}/{{ TOKEN }}");
        resource.urlParameters = {{QStringLiteral("t"), QStringLiteral("{{ TOKEN }}")}};
        resource.bodyDefaults = {{QStringLiteral("{{ TOKEN }}"), QStringLiteral("{{ btoa(TOKEN) }}")}};
        resource.customAuth.loginTestUrl = QStringLiteral("{{ DEMO_API }}/me?t={{ TOKEN }}");
        resource.customAuth.expiresIn = QStringLiteral("{{ TOKEN.length }}");
        Workflow &refresh = resource.customAuth.refreshWorkflow;
        refresh.steps.first() =
            TestWorkspaces::apiRequest(QStringLiteral("http1"), QStringLiteral("POST"),
                                       QStringLiteral("{{ DEMO_API }}/refresh?old={{ TOKEN }}"));

        const Resource renamed = ReferenceRenamer::renameStep(resource, ReferenceRenamer::WorkflowPart::Auth,
                                                              2, QStringLiteral("ACCESS_TOKEN"));
        QCOMPARE(stepName(renamed.customAuth.authWorkflow.steps.at(2)), QStringLiteral("ACCESS_TOKEN"));
        QCOMPARE(renamed.headers.first().value, QStringLiteral("Bearer {{ ACCESS_TOKEN }}"));
        QCOMPARE(renamed.headers.first().name, QStringLiteral("Authorization"));
        QCOMPARE(renamed.baseUrl, QStringLiteral("{{ DEMO_API }}/{{ ACCESS_TOKEN }}"));
        QCOMPARE(renamed.urlParameters.first().value, QStringLiteral("{{ ACCESS_TOKEN }}"));
        QCOMPARE(
            renamed.bodyDefaults.first(),
            (KeyValue {QStringLiteral("{{ ACCESS_TOKEN }}"), QStringLiteral("{{ btoa(ACCESS_TOKEN) }}")}));
        QCOMPARE(renamed.customAuth.loginTestUrl, QStringLiteral("{{ DEMO_API }}/me?t={{ ACCESS_TOKEN }}"));
        QCOMPARE(renamed.customAuth.expiresIn, QStringLiteral("{{ ACCESS_TOKEN.length }}"));
        // The refresh workflow reads the session's variable, and its own definition of TOKEN is the same
        // session variable: both follow.
        const Workflow &after = renamed.customAuth.refreshWorkflow;
        QCOMPARE(requestAt(after, 0).url, QStringLiteral("{{ DEMO_API }}/refresh?old={{ ACCESS_TOKEN }}"));
        QCOMPARE(stepName(after.steps.at(1)), QStringLiteral("ACCESS_TOKEN"));
        QCOMPARE(variableAt(after, 1).value, QStringLiteral("{{ http1.body.token }}"));
        // Untouched: other variables and the rest of the workflows.
        QCOMPARE(variableAt(renamed.customAuth.authWorkflow, 3).name, QStringLiteral("REFRESH_TOKEN"));

        // Renaming the refresh workflow's definition renames the auth workflow's too, with the same result.
        const Resource fromRefresh = ReferenceRenamer::renameStep(
            resource, ReferenceRenamer::WorkflowPart::Refresh, 1, QStringLiteral("ACCESS_TOKEN"));
        QCOMPARE(fromRefresh, renamed);
    }

    void aVariableOnlyTheRefreshDefinesStaysThere()
    {
        Resource resource;
        resource.headers = {{QStringLiteral("X-Nonce"), QStringLiteral("{{ NONCE }}")}};
        Workflow &refresh = resource.customAuth.refreshWorkflow;
        refresh.steps = {
            TestWorkspaces::apiRequest(QStringLiteral("http1"), QStringLiteral("GET"),
                                       QStringLiteral("{{ NONCE }}")), // a workspace variable here
            TestWorkspaces::defineVariable(QStringLiteral("NONCE"), QStringLiteral("{{ http1.body }}")),
            TestWorkspaces::defineVariable(QStringLiteral("USE"), QStringLiteral("{{ NONCE }}"))};
        const Resource renamed = ReferenceRenamer::renameStep(
            resource, ReferenceRenamer::WorkflowPart::Refresh, 1, QStringLiteral("SERVER_NONCE"));
        QCOMPARE(requestAt(renamed.customAuth.refreshWorkflow, 0).url, QStringLiteral("{{ NONCE }}"));
        QCOMPARE(variableAt(renamed.customAuth.refreshWorkflow, 2).value,
                 QStringLiteral("{{ SERVER_NONCE }}"));
        QCOMPARE(renamed.headers.first().value, QStringLiteral("{{ SERVER_NONCE }}"));
    }

    void clashesNameTheFieldsThatAlreadyUseTheNewName()
    {
        Resource resource = TestWorkspaces::demoLoginWorkspace(QStringLiteral("http://x")).resources.first();
        Workflow &auth = resource.customAuth.authWorkflow;
        // js1 has a local called login and reads http1; after renaming http1 to login it couldn't tell them
        // apart. js2 has a login too but doesn't read http1, so the rename doesn't touch it.
        auth.steps.insert(2,
                          JavaScriptStep {QStringLiteral("js1"), true,
                                          QStringLiteral("const login = 1; return http1.status + login;")});
        auth.steps.insert(3,
                          JavaScriptStep {QStringLiteral("js2"), true, QStringLiteral("const login = 2;")});
        const auto clashes = [&resource](int index, const QString &name) {
            return ReferenceRenamer::clashes(resource, ReferenceRenamer::WorkflowPart::Auth, index, name);
        };
        QCOMPARE(clashes(1, QStringLiteral("login")), QStringList {QStringLiteral("js1")});
        QCOMPARE(clashes(1, QStringLiteral("signIn")), QStringList());
        QCOMPARE(clashes(1, QStringLiteral("http1")), QStringList()); // not a rename
        QCOMPARE(clashes(1, QStringLiteral("1x")), QStringList()); // not a name: rewrites nothing

        // A variable: the headers already read another value called DEMO_API.
        resource.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer {{ TOKEN }}")},
                            {QStringLiteral("X-Api"), QStringLiteral("{{ DEMO_API }}")}};
        const int token = 4; // form1, http1, js1, js2, TOKEN
        QCOMPARE(stepName(auth.steps.at(token)), QStringLiteral("TOKEN"));
        QCOMPARE(clashes(token, QStringLiteral("DEMO_API")), QStringList {QStringLiteral("Headers")});
        QCOMPARE(clashes(token, QStringLiteral("ACCESS_TOKEN")), QStringList());
    }

    void halfTypedNamesOnlyRenameTheStep()
    {
        const Resource resource =
            TestWorkspaces::demoLoginWorkspace(QStringLiteral("http://x")).resources.first();
        for (const QString &name : {QString(), QStringLiteral("1"), QStringLiteral("a b")}) {
            const Resource renamed =
                ReferenceRenamer::renameStep(resource, ReferenceRenamer::WorkflowPart::Auth, 1, name);
            QCOMPARE(stepName(renamed.customAuth.authWorkflow.steps.at(1)), name);
            QCOMPARE(variableAt(renamed.customAuth.authWorkflow, 2).value,
                     QStringLiteral("{{ http1.body.token }}"));
        }
        // An index out of range changes nothing.
        QCOMPARE(ReferenceRenamer::renameStep(resource, ReferenceRenamer::WorkflowPart::Refresh, 7,
                                              QStringLiteral("x")),
                 resource);
    }

    // A workspace variable renamed in its table: every expression field of every resource follows.
    void renamingAWorkspaceVariableReachesEveryResource()
    {
        Workspace workspace = TestWorkspaces::demoLoginWorkspace(QStringLiteral("http://x"));
        Resource &api = workspace.resources.first();
        api.urlParameters = {{QStringLiteral("base"), QStringLiteral("{{ DEMO_API }}")}};
        api.bodyDefaults = {{QStringLiteral("{{ DEMO_API }}"), QStringLiteral("{{ encodeURI(DEMO_API) }}")}};
        api.customAuth.loginTestUrl = QStringLiteral("{{ DEMO_API }}/me");
        api.customAuth.expiresIn = QStringLiteral("{{ DEMO_API.length }}");
        ApiRequestStep &login = std::get<ApiRequestStep>(api.customAuth.authWorkflow.steps[1]);
        login.headers = {{QStringLiteral("Origin"), QStringLiteral("{{ DEMO_API }}")}};
        login.queryParameters = {{QStringLiteral("from"), QStringLiteral("{{ DEMO_API }}")}};
        login.body.text = QStringLiteral(R"({"api": "{{ DEMO_API }}",  "DEMO_API": 1})");
        api.customAuth.authWorkflow.steps.append(
            JavaScriptStep {QStringLiteral("js1"), true, QStringLiteral("return DEMO_API + '/DEMO_API';")});
        api.customAuth.authWorkflow.steps.append(
            TestWorkspaces::defineVariable(QStringLiteral("HOME"), QStringLiteral("{{ DEMO_API }}/home")));
        Resource other;
        other.name = QStringLiteral("other");
        other.baseUrl = QStringLiteral("{{ DEMO_API }}/v2");
        workspace.resources.append(other);

        const Workspace renamed = ReferenceRenamer::renameVariable(workspace, 0, QStringLiteral("API"));
        QCOMPARE(renamed.variables.first(), (KeyValue {QStringLiteral("API"), QStringLiteral("http://x")}));
        const Resource &after = renamed.resources.first();
        QCOMPARE(after.baseUrl, QStringLiteral("{{ API }}"));
        QCOMPARE(after.headers, workspace.resources.first().headers); // Bearer {{ TOKEN }}
        QCOMPARE(after.urlParameters.first().value, QStringLiteral("{{ API }}"));
        QCOMPARE(after.bodyDefaults.first(),
                 (KeyValue {QStringLiteral("{{ API }}"), QStringLiteral("{{ encodeURI(API) }}")}));
        QCOMPARE(after.customAuth.loginTestUrl, QStringLiteral("{{ API }}/me"));
        QCOMPARE(after.customAuth.expiresIn, QStringLiteral("{{ API.length }}"));
        const Workflow &auth = after.customAuth.authWorkflow;
        QCOMPARE(requestAt(auth, 1).url, QStringLiteral("{{ API }}/login"));
        QCOMPARE(requestAt(auth, 1).headers.first().value, QStringLiteral("{{ API }}"));
        QCOMPARE(requestAt(auth, 1).queryParameters.first().value, QStringLiteral("{{ API }}"));
        QCOMPARE(requestAt(auth, 1).body.text, QStringLiteral(R"({"api": "{{ API }}",  "DEMO_API": 1})"));
        QCOMPARE(std::get<JavaScriptStep>(auth.steps.at(5)).code,
                 QStringLiteral("return API + '/DEMO_API';"));
        QCOMPARE(variableAt(auth, 6).value, QStringLiteral("{{ API }}/home"));
        QCOMPARE(requestAt(after.customAuth.refreshWorkflow, 0).url, QStringLiteral("{{ API }}/refresh"));
        QCOMPARE(renamed.resources.at(1).baseUrl, QStringLiteral("{{ API }}/v2"));
    }

    // Where a run would read a step or a session variable of the same name, the references mean that.
    void aStepOrSessionVariableOfTheNameHidesTheWorkspaceVariable()
    {
        Workspace workspace;
        workspace.variables = {{QStringLiteral("X"), QStringLiteral("x")}};
        // Auth: the first enabled step called X hides it after its own fields; a disabled one hides
        // nothing, as runs skip it. A step result isn't the session's: the header still reads the variable.
        Resource steps;
        steps.name = QStringLiteral("steps");
        steps.headers = {{QStringLiteral("H"), QStringLiteral("{{ X }}")}};
        ApiRequestStep skipped = TestWorkspaces::apiRequest(QStringLiteral("X"), QStringLiteral("GET"),
                                                            QStringLiteral("{{ X }}/skipped"));
        skipped.enabled = false;
        steps.customAuth.authWorkflow.steps = {
            skipped, TestWorkspaces::defineVariable(QStringLiteral("A"), QStringLiteral("{{ X }}")),
            TestWorkspaces::apiRequest(QStringLiteral("X"), QStringLiteral("GET"),
                                       QStringLiteral("{{ X }}/own")),
            TestWorkspaces::defineVariable(QStringLiteral("B"), QStringLiteral("{{ X.body }}"))};
        steps.customAuth.refreshWorkflow.steps = {
            TestWorkspaces::defineVariable(QStringLiteral("C"), QStringLiteral("{{ X }}"))};
        // The auth workflow defines X: its value reads the workspace's X, everything after it and the
        // session's readers (refresh workflow, resource fields) read the session variable.
        Resource session;
        session.name = QStringLiteral("session");
        session.baseUrl = QStringLiteral("{{ X }}");
        session.customAuth.authWorkflow.steps = {
            TestWorkspaces::apiRequest(QStringLiteral("http1"), QStringLiteral("GET"),
                                       QStringLiteral("{{ X }}")),
            TestWorkspaces::defineVariable(QStringLiteral("X"), QStringLiteral("{{ X }}/v2")),
            TestWorkspaces::defineVariable(QStringLiteral("D"), QStringLiteral("{{ X }}"))};
        session.customAuth.refreshWorkflow.steps = {
            TestWorkspaces::defineVariable(QStringLiteral("E"), QStringLiteral("{{ X }}"))};
        // Only the refresh workflow defines X: up to its definition it reads the workspace's (as
        // renameStep() has it); the resource fields read the session's.
        Resource refreshOnly;
        refreshOnly.name = QStringLiteral("refresh only");
        refreshOnly.baseUrl = QStringLiteral("{{ X }}");
        refreshOnly.customAuth.authWorkflow.steps = {
            TestWorkspaces::defineVariable(QStringLiteral("F"), QStringLiteral("{{ X }}"))};
        refreshOnly.customAuth.refreshWorkflow.steps = {
            TestWorkspaces::defineVariable(QStringLiteral("X"), QStringLiteral("{{ X }}/v2")),
            TestWorkspaces::defineVariable(QStringLiteral("G"), QStringLiteral("{{ X }}"))};
        workspace.resources = {steps, session, refreshOnly};

        const Workspace renamed = ReferenceRenamer::renameVariable(workspace, 0, QStringLiteral("Y"));
        QCOMPARE(renamed.variables.first().name, QStringLiteral("Y"));
        const Resource &a = renamed.resources.at(0);
        QCOMPARE(requestAt(a.customAuth.authWorkflow, 0).url, QStringLiteral("{{ Y }}/skipped"));
        QCOMPARE(stepName(a.customAuth.authWorkflow.steps.at(0)), QStringLiteral("X")); // steps keep names
        QCOMPARE(variableAt(a.customAuth.authWorkflow, 1).value, QStringLiteral("{{ Y }}"));
        QCOMPARE(requestAt(a.customAuth.authWorkflow, 2).url, QStringLiteral("{{ Y }}/own"));
        QCOMPARE(variableAt(a.customAuth.authWorkflow, 3).value, QStringLiteral("{{ X.body }}"));
        QCOMPARE(variableAt(a.customAuth.refreshWorkflow, 0).value, QStringLiteral("{{ Y }}"));
        QCOMPARE(a.headers.first().value, QStringLiteral("{{ Y }}"));

        const Resource &b = renamed.resources.at(1);
        QCOMPARE(requestAt(b.customAuth.authWorkflow, 0).url, QStringLiteral("{{ Y }}"));
        QCOMPARE(variableAt(b.customAuth.authWorkflow, 1).name, QStringLiteral("X"));
        QCOMPARE(variableAt(b.customAuth.authWorkflow, 1).value, QStringLiteral("{{ Y }}/v2"));
        QCOMPARE(variableAt(b.customAuth.authWorkflow, 2).value, QStringLiteral("{{ X }}"));
        QCOMPARE(b.customAuth.refreshWorkflow, session.customAuth.refreshWorkflow);
        QCOMPARE(b.baseUrl, QStringLiteral("{{ X }}"));

        const Resource &c = renamed.resources.at(2);
        QCOMPARE(variableAt(c.customAuth.authWorkflow, 0).value, QStringLiteral("{{ Y }}"));
        QCOMPARE(variableAt(c.customAuth.refreshWorkflow, 0).value, QStringLiteral("{{ Y }}/v2"));
        QCOMPARE(variableAt(c.customAuth.refreshWorkflow, 1).value, QStringLiteral("{{ X }}"));
        QCOMPARE(c.baseUrl, QStringLiteral("{{ X }}"));

        // A disabled definition is no session variable: the readers follow the rename.
        workspace.resources[1].customAuth.authWorkflow.steps[1] =
            DefineVariableStep {QStringLiteral("X"), false, QStringLiteral("{{ X }}/v2"), true};
        const Workspace disabled = ReferenceRenamer::renameVariable(workspace, 0, QStringLiteral("Y"));
        QCOMPARE(disabled.resources.at(1).baseUrl, QStringLiteral("{{ Y }}"));
        QCOMPARE(variableAt(disabled.resources.at(1).customAuth.authWorkflow, 2).value,
                 QStringLiteral("{{ Y }}"));
        QCOMPARE(variableAt(disabled.resources.at(1).customAuth.refreshWorkflow, 0).value,
                 QStringLiteral("{{ Y }}"));
    }

    // As with a step: a name that is taken, a disabled variable, a half-typed name or a variable whose old
    // name another one keeps rename the variable only.
    void aVariableRenamedToATakenNameRewritesNothing_data()
    {
        QTest::addColumn<KeyValueList>("variables");
        QTest::addColumn<QString>("newName");
        const KeyValue demo {QStringLiteral("DEMO_API"), QStringLiteral("http://x")};
        const KeyValue other {QStringLiteral("OTHER"), QStringLiteral("o")};
        const KeyValue disabledOther {QStringLiteral("OTHER"), QStringLiteral("o"), false};
        KeyValue disabledDemo = demo;
        disabledDemo.enabled = false;
        QTest::newRow("another variable") << KeyValueList {demo, other} << QStringLiteral("OTHER");
        QTest::newRow("a disabled variable") << KeyValueList {demo, disabledOther} << QStringLiteral("OTHER");
        QTest::newRow("a step") << KeyValueList {demo} << QStringLiteral("http1");
        QTest::newRow("a defined variable") << KeyValueList {demo} << QStringLiteral("TOKEN");
        QTest::newRow("a refresh step") << KeyValueList {demo} << QStringLiteral("RENEW");
        QTest::newRow("renamed variable disabled") << KeyValueList {disabledDemo} << QStringLiteral("API");
        QTest::newRow("old name kept by another") << KeyValueList {demo, demo} << QStringLiteral("API");
        QTest::newRow("empty") << KeyValueList {demo} << QString();
        QTest::newRow("not an identifier") << KeyValueList {demo} << QStringLiteral("1API");
    }

    void aVariableRenamedToATakenNameRewritesNothing()
    {
        QFETCH(KeyValueList, variables);
        QFETCH(QString, newName);
        Workspace workspace = TestWorkspaces::demoLoginWorkspace(QStringLiteral("http://x"));
        workspace.variables = variables;
        Resource second;
        second.name = QStringLiteral("second");
        second.baseUrl = QStringLiteral("{{ DEMO_API }}");
        second.customAuth.refreshWorkflow.steps = {
            TestWorkspaces::apiRequest(QStringLiteral("RENEW"), QStringLiteral("GET"), QStringLiteral("u"))};
        workspace.resources.append(second);

        const Workspace renamed = ReferenceRenamer::renameVariable(workspace, 0, newName);
        QCOMPARE(renamed.variables.first().name, newName);
        QCOMPARE(renamed.variables.mid(1), workspace.variables.mid(1));
        QCOMPARE(renamed.resources, workspace.resources); // {{ DEMO_API }} stays, flagged until fixed

        // An index out of range changes nothing.
        QCOMPARE(ReferenceRenamer::renameVariable(workspace, 5, QStringLiteral("API")), workspace);
    }
};

QTEST_GUILESS_MAIN(TestReferenceRenamer)
#include "tst_referencerenamer.moc"
