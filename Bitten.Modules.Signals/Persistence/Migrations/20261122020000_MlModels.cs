using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bitten.Modules.Signals.Persistence.Migrations;

/// <summary>The ML model registry (issue #12): every trained model with its metrics; one current at most. Hand-written; guarded by the drift test.</summary>
[DbContext(typeof(SignalsDbContext))]
[Migration("20261122020000_MlModels")]
internal sealed class MlModels : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ml_models",
            columns: table => new
            {
                version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                created_ms = table.Column<long>(type: "INTEGER", nullable: false),
                feature_schema = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                blob = table.Column<byte[]>(type: "BLOB", nullable: false),
                status = table.Column<int>(type: "INTEGER", nullable: false),
                source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                training_rows = table.Column<int>(type: "INTEGER", nullable: false),
                calibration_rows = table.Column<int>(type: "INTEGER", nullable: false),
                held_out_rows = table.Column<int>(type: "INTEGER", nullable: false),
                rounds = table.Column<int>(type: "INTEGER", nullable: false),
                from_ms = table.Column<long>(type: "INTEGER", nullable: false),
                to_ms = table.Column<long>(type: "INTEGER", nullable: false),
                auc = table.Column<double>(type: "REAL", nullable: false),
                log_loss = table.Column<double>(type: "REAL", nullable: false),
                brier = table.Column<double>(type: "REAL", nullable: false),
                metrics_json = table.Column<string>(type: "TEXT", nullable: false),
                incumbent_version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                incumbent_log_loss = table.Column<double>(type: "REAL", nullable: true),
                decision = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                promoted_ms = table.Column<long>(type: "INTEGER", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ml_models", x => x.version));
        migrationBuilder.CreateIndex(name: "ix_ml_models_created", table: "ml_models", column: "created_ms");
        migrationBuilder.CreateIndex(name: "ux_ml_models_one_current", table: "ml_models", column: "status", unique: true, filter: "status = 1");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "ml_models");
}
