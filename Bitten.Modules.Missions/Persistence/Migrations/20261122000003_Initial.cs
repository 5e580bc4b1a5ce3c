using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bitten.Modules.Missions.Persistence.Migrations;

/// <summary>Hand-written (EF Core Design is not obtainable); the schema-drift test guards it.</summary>
[DbContext(typeof(MissionsDbContext))]
[Migration("20261122000003_Initial")]
internal sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "missions",
            columns: table => new
            {
                id = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                user_id = table.Column<long>(type: "INTEGER", nullable: false),
                signal_id = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                status = table.Column<int>(type: "INTEGER", nullable: false),
                created_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                expires_at_ms = table.Column<long>(type: "INTEGER", nullable: false)
            },
            constraints: table => table.PrimaryKey("PK_missions", x => x.id));
        migrationBuilder.CreateIndex(
            name: "ux_missions_user_signal",
            table: "missions",
            columns: new[] { "user_id", "signal_id" }, unique: true);
        migrationBuilder.CreateIndex(
            name: "ix_missions_status_expires",
            table: "missions",
            columns: new[] { "status", "expires_at_ms" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "missions");
    }
}
