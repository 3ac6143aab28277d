# A web service: three replicas of an HTTP echo server behind Nomad's own
# service discovery, rolled out one canary at a time.
job "web" {
  datacenters = ["*"]
  type        = "service"

  update {
    max_parallel      = 1
    canary            = 1
    auto_promote      = true
    auto_revert       = true
    min_healthy_time  = "15s"
    healthy_deadline  = "3m"
    progress_deadline = "10m"
  }

  group "frontend" {
    count = 3

    network {
      port "http" {
        to = 5678
      }
    }

    service {
      name     = "web"
      port     = "http"
      provider = "nomad"
      tags     = ["frontend", "public"]

      check {
        name     = "http-alive"
        type     = "http"
        path     = "/"
        interval = "10s"
        timeout  = "2s"
      }
    }

    restart {
      attempts = 3
      interval = "5m"
      delay    = "15s"
      mode     = "delay"
    }

    task "echo" {
      driver = "docker"

      config {
        image = "hashicorp/http-echo:1.0"
        ports = ["http"]
        args  = ["-listen", ":5678", "-text", "hello from ${NOMAD_ALLOC_ID}"]
      }

      resources {
        cpu    = 100
        memory = 64
      }
    }
  }
}
