# A system job: one metrics exporter on every Linux client node.
job "node-exporter" {
  datacenters = ["*"]
  type        = "system"

  constraint {
    attribute = "${attr.kernel.name}"
    value     = "linux"
  }

  update {
    max_parallel     = 2
    min_healthy_time = "10s"
  }

  group "exporter" {
    network {
      port "metrics" {
        static = 9100
      }
    }

    service {
      name     = "node-exporter"
      port     = "metrics"
      provider = "nomad"

      check {
        type     = "tcp"
        interval = "15s"
        timeout  = "3s"
      }
    }

    task "node-exporter" {
      driver = "docker"

      config {
        image = "prom/node-exporter:v1.8.2"
        ports = ["metrics"]
      }

      resources {
        cpu    = 100
        memory = 64
      }
    }
  }
}
