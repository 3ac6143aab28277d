# A one-off batch job: rebuild a search index, retrying a failed run once.
job "reindex" {
  datacenters = ["*"]
  type        = "batch"

  group "reindex" {
    count = 1

    restart {
      attempts = 1
      delay    = "30s"
      mode     = "fail"
    }

    reschedule {
      attempts  = 2
      interval  = "1h"
      delay     = "1m"
      unlimited = false
    }

    task "reindex" {
      driver = "exec"

      config {
        command = "/usr/local/bin/reindex"
        args    = ["--all", "--batch-size", "500"]
      }

      env {
        INDEX_URL = "http://127.0.0.1:9200"
      }

      resources {
        cpu    = 500
        memory = 256
      }
    }
  }
}
