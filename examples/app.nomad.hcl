# An API service written with HCL2 variables; app.vars.hcl sets them:
#   nomad job run -var-file=app.vars.hcl app.nomad.hcl
variable "image_tag" {
  type        = string
  description = "Tag of the api image to deploy."
}

variable "replicas" {
  type    = number
  default = 2
}

variable "datacenters" {
  type    = list(string)
  default = ["*"]
}

variable "environment" {
  type    = map(string)
  default = {}
}

locals {
  image = "registry.example.com/shop/api:${var.image_tag}"
}

job "api" {
  datacenters = var.datacenters
  type        = "service"

  group "api" {
    count = var.replicas

    network {
      port "http" {
        to = 3000
      }
    }

    service {
      name     = "api"
      port     = "http"
      provider = "nomad"

      check {
        type     = "http"
        path     = "/health"
        interval = "10s"
        timeout  = "2s"
      }
    }

    task "api" {
      driver = "docker"

      config {
        image = local.image
        ports = ["http"]
      }

      env = var.environment

      resources {
        cpu    = 250
        memory = 256
      }
    }
  }
}
