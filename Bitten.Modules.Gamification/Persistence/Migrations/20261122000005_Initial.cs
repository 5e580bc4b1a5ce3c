using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bitten.Modules.Gamification.Persistence.Migrations;

/// <summary>Hand-written (EF Core Design is not obtainable); the schema-drift test guards it.</summary>
[DbContext(typeof(GamificationDbContext))]
[Migration("20261122000005_Initial")]
internal sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "xp_ledger",
            columns: table => new
            {
                id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                user_id = table.Column<long>(type: "INTEGER", nullable: false),
                award_key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                amount = table.Column<int>(type: "INTEGER", nullable: false),
                reason = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                created_at_ms = table.Column<long>(type: "INTEGER", nullable: false)
            },
            constraints: table => table.PrimaryKey("PK_xp_ledger", x => x.id));
        migrationBuilder.CreateIndex(
            name: "ux_xp_ledger_award_key",
            table: "xp_ledger",
            column: "award_key", unique: true);
        migrationBuilder.CreateIndex(
            name: "ix_xp_ledger_user_id",
            table: "xp_ledger",
            column: "user_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "xp_ledger");
    }
}
