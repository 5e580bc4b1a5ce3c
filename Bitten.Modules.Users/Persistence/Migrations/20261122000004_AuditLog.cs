using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bitten.Modules.Users.Persistence.Migrations;

/// <summary>The audit log (hand-written; the schema-drift test guards it). No foreign key: the trail outlives erased users.</summary>
[DbContext(typeof(UsersDbContext))]
[Migration("20261122000004_AuditLog")]
internal sealed class AuditLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "audit_log",
            columns: table => new
            {
                id = table.Column<long>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                actor_user_id = table.Column<long>(type: "INTEGER", nullable: true),
                action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                target = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                detail = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_audit_log", x => x.id));
        migrationBuilder.CreateIndex(name: "ix_audit_log_actor_user_id", table: "audit_log", column: "actor_user_id");
        migrationBuilder.CreateIndex(name: "ix_audit_log_at_ms", table: "audit_log", column: "at_ms");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "audit_log");
    }
}
