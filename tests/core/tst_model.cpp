// The workspace model: step helpers, default names, the validator's rules.
#include "format/WorkspaceValidator.h"
#include "model/Workspace.h"

#include <QTest>

using namespace AuthStudio;

class TestModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newFormStepHasEmailAndPassword()
    {
        const FormStep step = FormStep::withDefaultFields(QStringLiteral("form1"));
        QCOMPARE(step.fields.size(), 2);
        QCOMPARE(step.fields.at(0).key, QStringLiteral("email"));
        QCOMPARE(step.fields.at(0).type, FormField::Type::Email);
        QCOMPARE(step.fields.at(1).key, QStringLiteral("password"));
        QVERIFY(step.fields.at(1).isSecret());
    }

    void nextStepNames()
    {
        Workflow workflow;
        QCOMPARE(workflow.nextStepName(StepType::ApiRequest), QStringLiteral("http1"));
        workflow.steps.append(ApiRequestStep {});
        QCOMPARE(workflow.nextStepName(StepType::ApiRequest), QStringLiteral("http2"));
        QCOMPARE(workflow.nextStepName(StepType::JavaScript), QStringLiteral("js1"));
        QCOMPARE(workflow.nextStepName(StepType::Form), QStringLiteral("form1"));
    }

    void stepHelpers()
    {
        Step step = JavaScriptStep {};
        QCOMPARE(stepType(step), StepType::JavaScript);
        QCOMPARE(stepName(step), QStringLiteral("js1"));
        setStepName(step, QStringLiteral("js9"));
        QCOMPARE(stepName(step), QStringLiteral("js9"));
        QCOMPARE(stepTypeId(StepType::DefineVariable), QStringLiteral("defineVariable"));
        QCOMPARE(stepTypeLabel(StepType::Form), QStringLiteral("Form (modal)"));
    }

    void valueSemantics()
    {
        Resource a;
        a.name = QStringLiteral("r");
        a.authMethod = Resource::AuthMethod::Custom;
        a.customAuth.authWorkflow.steps.append(FormStep::withDefaultFields(QStringLiteral("form1")));
        Resource b = a;
        QCOMPARE(a, b);
        std::get<FormStep>(b.customAuth.authWorkflow.steps[0]).fields[0].label = QStringLiteral("changed");
        QVERIFY(a != b); // a deep copy: undo snapshots can't alias
    }

    void identifiers_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << QStringLiteral("http1") << true;
        QTest::newRow("underscore") << QStringLiteral("_x$") << true;
        QTest::newRow("digit first") << QStringLiteral("1http") << false;
        QTest::newRow("dash") << QStringLiteral("my-token") << false;
        QTest::newRow("space") << QStringLiteral("a b") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void identifiers()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(WorkspaceValidator::isIdentifier(name), valid);
    }

    void validatorRules()
    {
        Workspace workspace;
        workspace.variables.append({QStringLiteral("DEMO_API"), QStringLiteral("x")});
        Resource resource;
        resource.name = QStringLiteral("r");
        resource.authMethod = Resource::AuthMethod::Custom;
        DefineVariableStep clash;
        clash.name = QStringLiteral("DEMO_API");
        clash.value = QStringLiteral("{{ 1 }}");
        resource.customAuth.authWorkflow.steps.append(clash);
        workspace.resources.append(resource);
        const auto problems = WorkspaceValidator::validate(workspace);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().pointer, QStringLiteral("/resources/0/auth/authWorkflow/0/name"));
        QVERIFY(problems.first().reason.contains(QStringLiteral("workspace variable")));
    }
};

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"
