# A nightly database backup. The password comes from a Nomad variable
# (nomad/jobs/db-backup) through a template, never from the job file.
job "db-backup" {
  datacenters = ["*"]
  type        = "batch"

  periodic {
    crons            = ["30 2 * * *"]
    time_zone        = "Europe/Berlin"
    prohibit_overlap = true
  }

  group "backup" {
    task "dump" {
      driver = "docker"

      config {
        image   = "postgres:16"
        command = "sh"
        args    = ["-c", "pg_dump --format=custom --file=/alloc/data/backup.dump \"$PGDATABASE\""]
      }

      template {
        destination = "secrets/postgres.env"
        env         = true
        data        = <<-EOT
          PGHOST=db.service.internal
          PGDATABASE=orders
          {{ with nomadVar "nomad/jobs/db-backup" }}
          PGUSER={{ .user }}
          PGPASSWORD={{ .password }}
          {{ end }}
        EOT
      }

      resources {
        cpu    = 300
        memory = 256
      }
    }
  }
}
